# One interface target every Hilum target links: warnings and the definitions all code shares.
add_library(hilum_compile_options INTERFACE)
add_library(hilum::compile_options ALIAS hilum_compile_options)
target_compile_options(hilum_compile_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wno-unused-parameter>)
# Qt's `slots`/`signals`/`emit` macros collide with LibTorch headers (pytorch#19405): use Q_SLOTS etc.
target_compile_definitions(hilum_compile_options INTERFACE QT_NO_KEYWORDS)

# The fuzz build (HILUM_BUILD_FUZZERS, clang): all code gets libFuzzer's coverage, ASan and UBSan;
# UBSan findings abort, so the fuzzer stops on them and keeps the input.
if(HILUM_BUILD_FUZZERS)
  target_compile_options(hilum_compile_options INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g)
  target_link_options(hilum_compile_options INTERFACE -fsanitize=address,undefined)
endif()
