# CPack: `cpack -G DEB` in the build directory makes footballdb_VERSION_ARCH.deb of everything
# `cmake --install` installs, under /usr whatever CMAKE_INSTALL_PREFIX says (the installed tool
# finds its extension, and footballdb.pc and the CMake package their prefix, from where they are).
# Its dependencies are computed by dpkg-shlibdeps (dpkg-dev, and `file`, must be installed), and
# sqlite3, which `footballdb shell` runs. tests/package/deb_check.sh builds, installs and tries it.
set(CPACK_PACKAGE_NAME footballdb)
set(CPACK_PACKAGE_VENDOR "The footballdb authors")
set(CPACK_PACKAGE_CONTACT "footballdb maintainers <maintainers@users.noreply.h-seed-b5e264d6.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # executables and shared objects; the static library keeps its symbols
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
# The long description; CPack puts the summary above it and indents it as Debian wants.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "footballdb reads knockout results from messy real-world sources (pairing tables, result
lines, Wikipedia aggregate summaries, Football.TXT, CSV, JSON) into one SQLite file, binds
every spelling of a club to one club, keeps where each fact came from, and answers aggregate,
winner and fixture questions by the rules of each competition and era.

This package holds the footballdb command-line tool, its manual page and bash completion, the
SQLite extension footballdb.so, and the C++ library (shared and static) with its headers,
pkg-config file and CMake package. Building against the library also needs the development
packages it suggests.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS sqlite3)  # added to what dpkg-shlibdeps finds
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "libsqlite3-dev, libsqlitecpp-dev, libicu-dev, libssl-dev, libabsl-dev, pkgconf")
# A shlibs file for libfootballdb.so.0, and ldconfig run when the package is installed or removed.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")

include(CPack)
