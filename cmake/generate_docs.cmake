# Runs the freshly built outreach to write what it says about itself: the manual page
# (gzip -9n: compressed as Debian wants it, without a timestamp, so the same input gives the
# same bytes) and the completion scripts, then compresses the Debian changelog the same way.
#   cmake -DOUTREACH=… -DCHANGELOG=… -DOUTPUT_DIR=… -P generate_docs.cmake
file(MAKE_DIRECTORY ${OUTPUT_DIR})

function(run_outreach output)
  execute_process(COMMAND ${OUTREACH} ${ARGN} OUTPUT_FILE ${output} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "outreach ${ARGN} failed (${status})")
  endif()
endfunction()

function(gzip_to input output)
  execute_process(COMMAND gzip -9nc ${input} OUTPUT_FILE ${output} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gzip ${input} failed (${status})")
  endif()
endfunction()

run_outreach(${OUTPUT_DIR}/outreach.1 manpage)
gzip_to(${OUTPUT_DIR}/outreach.1 ${OUTPUT_DIR}/outreach.1.gz)
run_outreach(${OUTPUT_DIR}/outreach.bash completions bash)
run_outreach(${OUTPUT_DIR}/_outreach completions zsh)
run_outreach(${OUTPUT_DIR}/outreach.fish completions fish)
gzip_to(${CHANGELOG} ${OUTPUT_DIR}/changelog.gz)
