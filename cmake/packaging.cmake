# Installation (SPEC §13) and the Debian package. `cmake --install BUILD --prefix P` installs
#   bin/outreach
#   share/man/man1/outreach.1.gz
#   share/bash-completion/completions/outreach
#   share/zsh/site-functions/_outreach
#   share/fish/vendor_completions.d/outreach.fish
#   share/doc/outreach/{README.md, LICENSE, copyright, changelog.gz, examples/}
# and `cpack -G DEB` packs the same tree under /usr, its dependencies found by dpkg-shlibdeps.
include(GNUInstallDirs)

# The manual page and the completions come from the built binary itself (outreach manpage,
# outreach completions SHELL), so they list exactly what its command line accepts.
set(OUTREACH_GENERATED_DOCS ${CMAKE_CURRENT_BINARY_DIR}/generated/docs)
set(OUTREACH_CHANGELOG ${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog)
set(OUTREACH_DOC_FILES
  ${OUTREACH_GENERATED_DOCS}/outreach.1 ${OUTREACH_GENERATED_DOCS}/outreach.1.gz
  ${OUTREACH_GENERATED_DOCS}/outreach.bash ${OUTREACH_GENERATED_DOCS}/_outreach
  ${OUTREACH_GENERATED_DOCS}/outreach.fish ${OUTREACH_GENERATED_DOCS}/changelog.gz)
add_custom_command(
  OUTPUT ${OUTREACH_DOC_FILES}
  COMMAND ${CMAKE_COMMAND} -DOUTREACH=$<TARGET_FILE:outreach> -DCHANGELOG=${OUTREACH_CHANGELOG}
          -DOUTPUT_DIR=${OUTREACH_GENERATED_DOCS}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/generate_docs.cmake
  DEPENDS outreach ${OUTREACH_CHANGELOG} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/generate_docs.cmake
  COMMENT "Writing the manual page and the shell completions")
add_custom_target(outreach_docs ALL DEPENDS ${OUTREACH_DOC_FILES})

# The changelog's newest entry names the version being packaged.
file(STRINGS ${OUTREACH_CHANGELOG} OUTREACH_CHANGELOG_HEAD LIMIT_COUNT 1)
if(NOT OUTREACH_CHANGELOG_HEAD MATCHES "^outreach \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "packaging/changelog: the newest entry is not version ${PROJECT_VERSION}: "
                      "${OUTREACH_CHANGELOG_HEAD}")
endif()

install(TARGETS outreach RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${OUTREACH_GENERATED_DOCS}/outreach.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${OUTREACH_GENERATED_DOCS}/outreach.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME outreach)
install(FILES ${OUTREACH_GENERATED_DOCS}/_outreach
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
install(FILES ${OUTREACH_GENERATED_DOCS}/outreach.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES README.md LICENSE packaging/copyright ${OUTREACH_GENERATED_DOCS}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY examples DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME outreach)
set(CPACK_PACKAGE_VENDOR "The outreach authors")
set(CPACK_PACKAGE_CONTACT "The outreach authors <outreach@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline planner for LinkedIn outreach campaigns")
# Debian wants the extended description in lines of at most 80 characters.
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "outreach lints LinkedIn message drafts against the channels' limits and\n"
    "what is known to get replies, and plans a campaign for a list of\n"
    "prospects: for each a regular message, an InMail or a connection request,\n"
    "with the reason, the InMail credits it costs and when to send it. It keeps\n"
    "the credit balance and a ledger of what was sent. Offline, and made for\n"
    "shell pipelines.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
