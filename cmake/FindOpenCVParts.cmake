# Debian's split OpenCV packages (libopencv-{core,imgproc,imgcodecs}-dev) ship no OpenCVConfig.cmake,
# and depending on libopencv-dev would pull in highgui (and with it Qt 5). Find the three parts by hand.
#
# Defines the imported targets OpenCV::core, OpenCV::imgproc, OpenCV::imgcodecs.
find_path(OpenCVParts_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4)
find_library(OpenCVParts_core_LIBRARY opencv_core)
find_library(OpenCVParts_imgproc_LIBRARY opencv_imgproc)
find_library(OpenCVParts_imgcodecs_LIBRARY opencv_imgcodecs)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(OpenCVParts REQUIRED_VARS
  OpenCVParts_INCLUDE_DIR OpenCVParts_core_LIBRARY OpenCVParts_imgproc_LIBRARY OpenCVParts_imgcodecs_LIBRARY)

if(OpenCVParts_FOUND)
  foreach(part core imgproc imgcodecs)
    if(NOT TARGET OpenCV::${part})
      add_library(OpenCV::${part} UNKNOWN IMPORTED)
      set_target_properties(OpenCV::${part} PROPERTIES
        IMPORTED_LOCATION "${OpenCVParts_${part}_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${OpenCVParts_INCLUDE_DIR}")
    endif()
  endforeach()
  set_property(TARGET OpenCV::imgproc PROPERTY INTERFACE_LINK_LIBRARIES OpenCV::core)
  set_property(TARGET OpenCV::imgcodecs PROPERTY INTERFACE_LINK_LIBRARIES OpenCV::imgproc OpenCV::core)
endif()
mark_as_advanced(OpenCVParts_INCLUDE_DIR OpenCVParts_core_LIBRARY OpenCVParts_imgproc_LIBRARY
                 OpenCVParts_imgcodecs_LIBRARY)
