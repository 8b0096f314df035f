# One interface target every Hilum target links: warnings and the definitions all code shares.
add_library(hilum_compile_options INTERFACE)
add_library(hilum::compile_options ALIAS hilum_compile_options)
target_compile_options(hilum_compile_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wno-unused-parameter>)
# Qt's `slots`/`signals`/`emit` macros collide with LibTorch headers (pytorch#19405): use Q_SLOTS etc.
target_compile_definitions(hilum_compile_options INTERFACE QT_NO_KEYWORDS)
