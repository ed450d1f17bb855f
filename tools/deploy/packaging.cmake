# Install rules and the Debian packages made from them (cpack in the build folder).
#
#   datavoice-kiosk  the kiosk: /usr/bin/datavoice-kiosk, the default content and the hardware
#                    profiles in /usr/share/datavoice, /etc/datavoice/profile.toml (a conffile),
#                    the systemd unit and the USB mount rule. Its postinst creates the
#                    `datavoice` user and /var/lib/datavoice, which no package file ever names,
#                    so removing or purging the package never deletes an answer.
#   datavoice-tools  the staff command for a laptop: /usr/bin/datavoice and the content packs
#                    and population files it reads, in /usr/share/datavoice-tools.
#
# Each binary finds its data folder beside itself (bin/ → share/NAME, see data_root() in
# kiosk/exchange/files.hpp), so one build serves the tests (source tree) and the packages.
# The version comes from tools/deploy/debian/changelog; Depends: from dpkg-shlibdeps, plus
# what the binaries load at run time that no ELF header names (fonts, GL driver, cage).
include(GNUInstallDirs)
# Installing (and so cpack) builds only what is installed, not the tests and benchmarks too:
# tools/deploy/build-packages.sh builds those targets first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(DATAVOICE_DEB_DIR ${PROJECT_SOURCE_DIR}/tools/deploy/debian)

# Debian wants the changelog compressed, without a time stamp, and the copyright beside it.
set(DATAVOICE_CHANGELOG_GZ ${PROJECT_BINARY_DIR}/packaging/changelog.gz)
file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/packaging)
execute_process(COMMAND gzip -9 -n -c ${DATAVOICE_DEB_DIR}/changelog OUTPUT_FILE ${DATAVOICE_CHANGELOG_GZ}
                RESULT_VARIABLE gzip_failed)
if(gzip_failed)
  message(FATAL_ERROR "tools/deploy/debian/changelog: gzip failed")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${DATAVOICE_DEB_DIR}/changelog)

if(DATAVOICE_BUILD_KIOSK)
  install(TARGETS datavoice-kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/content DESTINATION ${CMAKE_INSTALL_DATADIR}/datavoice/assets
          COMPONENT kiosk)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/firmware_profiles DESTINATION ${CMAKE_INSTALL_DATADIR}/datavoice
          COMPONENT kiosk)
  # The profile a fresh install runs with: the official 7-inch Pi screen, the likeliest kiosk.
  install(FILES ${PROJECT_SOURCE_DIR}/firmware_profiles/pi-7in-800x480.toml DESTINATION /etc/datavoice
          RENAME profile.toml COMPONENT kiosk)
  install(FILES ${PROJECT_SOURCE_DIR}/tools/deploy/datavoice-kiosk.service DESTINATION /lib/systemd/system
          COMPONENT kiosk)
  install(FILES ${PROJECT_SOURCE_DIR}/tools/deploy/99-datavoice-usb.rules DESTINATION /lib/udev/rules.d
          COMPONENT kiosk)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/deploy.md ${PROJECT_SOURCE_DIR}/docs/privacy.md
                ${PROJECT_SOURCE_DIR}/docs/accessibility.md ${PROJECT_SOURCE_DIR}/docs/facilitator.md
                ${DATAVOICE_DEB_DIR}/copyright ${DATAVOICE_CHANGELOG_GZ}
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/datavoice-kiosk COMPONENT kiosk)
endif()
if(DATAVOICE_BUILD_TOOLS)
  install(TARGETS datavoice RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/content ${PROJECT_SOURCE_DIR}/assets/populations
          DESTINATION ${CMAKE_INSTALL_DATADIR}/datavoice-tools/assets COMPONENT tools)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/report.md ${PROJECT_SOURCE_DIR}/docs/bundle-format.md
                ${PROJECT_SOURCE_DIR}/docs/qr-format.md ${PROJECT_SOURCE_DIR}/docs/privacy.md
                ${DATAVOICE_DEB_DIR}/copyright ${DATAVOICE_CHANGELOG_GZ}
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/datavoice-tools COMPONENT tools)
endif()

# --- the Debian packages -------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME datavoice)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "datavoice")
set(CPACK_PACKAGE_CONTACT "datavoice developers <datavoice@localhost>")
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # NAME_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
if(CMAKE_CROSSCOMPILING AND CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
endif()
set(CPACK_COMPONENTS_ALL)
if(DATAVOICE_BUILD_KIOSK)
  list(APPEND CPACK_COMPONENTS_ALL kiosk)
endif()
if(DATAVOICE_BUILD_TOOLS)
  list(APPEND CPACK_COMPONENTS_ALL tools)
endif()

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME datavoice-kiosk)
set(CPACK_COMPONENT_KIOSK_DESCRIPTION
    "Offline touchscreen kiosk about how NHS patient data is used\n\
datavoice explains in plain words how NHS patient data is used beyond a person's own care,\n\
and asks visitors what they think: quick anonymous polls and small deliberative polls.\n\
It needs no network; results leave by QR codes or a USB drive. This package runs it as a\n\
systemd service in a cage session, storing answers in /var/lib/datavoice.")
# Loaded at run time without an ELF link: the fonts, a GL driver, the read-aloud voices, the
# compositor the unit starts; useradd for the service user; systemd-mount for the USB rule.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "fonts-noto-core, fonts-dejavu-core, fonts-font-awesome, libgl1, libgl1-mesa-dri, espeak-ng-data, cage, xwayland, passwd, systemd")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    "${DATAVOICE_DEB_DIR}/postinst;${DATAVOICE_DEB_DIR}/prerm;${DATAVOICE_DEB_DIR}/postrm;${DATAVOICE_DEB_DIR}/conffiles")

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME datavoice-tools)
set(CPACK_COMPONENT_TOOLS_DESCRIPTION
    "Staff tools for datavoice kiosks: collect, report, export, QR decode\n\
The datavoice command, for a Healthwatch laptop: checks and decrypts export bundles from\n\
datavoice kiosks, collects many kiosks into one database (SQLite or PostgreSQL), writes the\n\
report with small numbers suppressed, decodes QR sync codes, lints and signs content packs.")
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS "fonts-noto-core, fonts-dejavu-core, fonts-font-awesome")
set(CPACK_DEBIAN_TOOLS_PACKAGE_SUGGESTS "zbar-tools, chromium")

include(CPack)
