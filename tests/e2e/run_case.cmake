# SPDX-License-Identifier: MIT
# Runs one end-to-end case: `kpi <args from CASE_DIR/cmd>` in CASE_DIR, then compares stdout,
# stderr and the exit code with expout, experr and exit, and each file NAME the command writes
# with NAME.expected beside it (what it writes that is not compared is named in `cleanup`).
# With KPI_UPDATE_GOLDEN=1 in the environment it rewrites the expectations instead, for review
# with `git diff`.
file(READ ${CASE_DIR}/cmd command_line)
string(STRIP "${command_line}" command_line)
separate_arguments(arguments UNIX_COMMAND "${command_line}")
set(stdin_file /dev/null)
if(EXISTS ${CASE_DIR}/stdin)
  set(stdin_file ${CASE_DIR}/stdin)
endif()
# `cleanup` names what the command writes besides the compared files (a folder of sample
# exports, compared by a test of its own), removed before and after the run.
set(cleanup_paths "")
if(EXISTS ${CASE_DIR}/cleanup)
  file(STRINGS ${CASE_DIR}/cleanup cleanup_names)
  foreach(name IN LISTS cleanup_names)
    list(APPEND cleanup_paths ${CASE_DIR}/${name})
  endforeach()
  if(cleanup_paths)
    file(REMOVE_RECURSE ${cleanup_paths})
  endif()
endif()
file(GLOB expected_files ${CASE_DIR}/*.expected)
foreach(expected_file IN LISTS expected_files)
  string(REGEX REPLACE "\\.expected$" "" written_file "${expected_file}")
  file(REMOVE ${written_file})
endforeach()
# The labels' language follows the locale, so every case runs in the C locale, whatever the
# developer's; a case that needs another sets it in an `env` file, one VAR=VALUE a line.
set(environment --unset=LC_ALL --unset=LC_MESSAGES LANG=C.UTF-8)
if(EXISTS ${CASE_DIR}/env)
  file(STRINGS ${CASE_DIR}/env case_environment)
  list(APPEND environment ${case_environment})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env ${environment} ${KPI} ${arguments}
  WORKING_DIRECTORY ${CASE_DIR}
  INPUT_FILE ${stdin_file}
  OUTPUT_VARIABLE actual_out ERROR_VARIABLE actual_err RESULT_VARIABLE actual_exit)
if(cleanup_paths)
  file(REMOVE_RECURSE ${cleanup_paths})
endif()

if(DEFINED ENV{KPI_UPDATE_GOLDEN})
  foreach(expected_file IN LISTS expected_files)
    string(REGEX REPLACE "\\.expected$" "" written_file "${expected_file}")
    file(RENAME ${written_file} ${expected_file})
  endforeach()
  file(WRITE ${CASE_DIR}/expout "${actual_out}")
  file(WRITE ${CASE_DIR}/experr "${actual_err}")
  file(WRITE ${CASE_DIR}/exit "${actual_exit}\n")
  return()
endif()

file(READ ${CASE_DIR}/expout expected_out)
file(READ ${CASE_DIR}/experr expected_err)
file(READ ${CASE_DIR}/exit expected_exit)
string(STRIP "${expected_exit}" expected_exit)
set(failed FALSE)
# A difference is shown as a unified diff of the expectation and what the run gave.
string(RANDOM LENGTH 12 run_id)
set(actual_dir "/tmp/kpi-e2e-${run_id}")
file(MAKE_DIRECTORY ${actual_dir})
foreach(part out err)
  if(NOT "${actual_${part}}" STREQUAL "${expected_${part}}")
    file(WRITE ${actual_dir}/${part} "${actual_${part}}")
    execute_process(COMMAND diff -u --label exp${part} --label actual ${CASE_DIR}/exp${part}
                            ${actual_dir}/${part})
    set(failed TRUE)
  endif()
endforeach()
if(NOT "${actual_exit}" STREQUAL "${expected_exit}")
  message("--- exit: expected ${expected_exit}, actual ${actual_exit}")
  set(failed TRUE)
endif()
file(REMOVE_RECURSE ${actual_dir})
foreach(expected_file IN LISTS expected_files)
  string(REGEX REPLACE "\\.expected$" "" written_file "${expected_file}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${written_file} ${expected_file}
    RESULT_VARIABLE different)
  if(different)
    execute_process(COMMAND diff -u ${expected_file} ${written_file})
    set(failed TRUE)
  endif()
  file(REMOVE ${written_file})
endforeach()
if(failed)
  message(FATAL_ERROR "case ${CASE_DIR} failed: kpi ${command_line}")
endif()
