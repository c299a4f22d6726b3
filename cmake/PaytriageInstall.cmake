# What `cmake --install` lays out, and the Debian package CPack makes of it
# (cpack -G DEB in a build directory). The catalog and the translations are compiled into the
# programs; their installed copies are for reading and for writing an override.
include(GNUInstallDirs)

set(PAYTRIAGE_APP_ID "dev.paytriage.PayTriage")
install(FILES "${PROJECT_SOURCE_DIR}/resources/desktop/${PAYTRIAGE_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${PROJECT_SOURCE_DIR}/resources/desktop/${PAYTRIAGE_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
foreach(size 16 32 48 128 256)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/paytriage-${size}.png"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps"
            RENAME paytriage.png)
endforeach()
install(FILES
            "${PROJECT_SOURCE_DIR}/resources/man/paytriage.1"
            "${PROJECT_SOURCE_DIR}/resources/man/paytriage-cli.1"
            "${PROJECT_SOURCE_DIR}/resources/man/paytriage-sandbox.1"
        DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/catalog/"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/paytriage/catalog")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/samples/"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/paytriage/samples")
install(FILES "${CMAKE_BINARY_DIR}/src/core/paytriage_ko.qm" "${CMAKE_BINARY_DIR}/src/core/paytriage_en.qm"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/paytriage/translations")

set(CPACK_PACKAGE_NAME "paytriage")
set(CPACK_PACKAGE_VENDOR "PayTriage")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Support console for the Toss Payments API")
set(CPACK_PACKAGE_DESCRIPTION
    "PayTriage looks Toss Payments payments up read-only and analyses API responses pasted from
tickets and logs: suspicious nulls, unknown enum values, amounts that do not add up and status
anomalies, each explained in Korean or English. A console (paytriage), the same engine for
scripts (paytriage-cli) and a local API emulator (paytriage-sandbox).")
set(CPACK_PACKAGE_CONTACT "PayTriage maintainers <maintainers@paytriage.invalid>")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
# The Qt, QtKeychain and C++ runtime libraries the programs link, found by dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so no library dependency names it: the console's platform plugin (xcb,
# Wayland) and the fonts Korean text needs.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk")
set(CPACK_STRIP_FILES ON)
include(CPack)
