# One INTERFACE target carries the project's compile options; every target links it.
add_library(paytriage_options INTERFACE)
target_compile_features(paytriage_options INTERFACE cxx_std_20)
target_compile_definitions(paytriage_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    PAYTRIAGE_VERSION="${PROJECT_VERSION}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(paytriage_options INTERFACE -Wall -Wextra -Wpedantic)
    if(PAYTRIAGE_WERROR)
        target_compile_options(paytriage_options INTERFACE -Werror)
    endif()
    if(PAYTRIAGE_FUZZ)
        if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
            message(FATAL_ERROR "PAYTRIAGE_FUZZ needs clang (libFuzzer); use the asan preset")
        endif()
        target_compile_options(paytriage_options INTERFACE -fsanitize=fuzzer-no-link)
    endif()
elseif(MSVC)
    target_compile_options(paytriage_options INTERFACE /W4 /utf-8 $<$<BOOL:${PAYTRIAGE_WERROR}>:/WX>)
endif()

# paytriage_add_test(NAME tst_x SOURCES ... LINK lib... [GUI] [ENV k=v ...])
# One executable per class; links the lowest library it needs.
function(paytriage_add_test)
    cmake_parse_arguments(T "GUI" "NAME" "SOURCES;LINK;ENV" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE paytriage_options Qt6::Test ${T_LINK})
    target_compile_definitions(${T_NAME} PRIVATE
        PAYTRIAGE_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data"
        PAYTRIAGE_SAMPLES="${PROJECT_SOURCE_DIR}/resources/samples")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set(env "QT_QPA_PLATFORM=offscreen" "LANG=C.UTF-8" "LC_ALL=C.UTF-8" ${T_ENV})
    # Labelled by layer (core, net, sandbox, app, models, ui): the sanitizer run picks layers.
    get_filename_component(layer "${CMAKE_CURRENT_SOURCE_DIR}" NAME)
    if(layer STREQUAL "tests")
        list(GET T_SOURCES 0 first)
        get_filename_component(layer "${first}" DIRECTORY)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 300 LABELS "${layer}")
endfunction()
