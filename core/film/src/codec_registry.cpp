#include "codec_registry_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <mutex>

namespace hilum::film::detail {

void ensureDcmtkReady() {
  static std::once_flag once;
  std::call_once(once, [] {
    // DCMTK's warnings ("W: ... length of element ...") would otherwise interleave with Hilum's
    // messages on stderr; every problem that matters comes back as a Hilum Error instead.
    OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
    // JPEG-LS (CharLS 2), JPEG 2000 (OpenJPEG) and RLE (bounds-checked) are decoded by Hilum
    // itself; DCMTK's RLE decoder stays registered for PALETTE COLOR films only.
    DJDecoderRegistration::registerCodecs();
    DcmRLEDecoderRegistration::registerCodecs();
  });
}

}  // namespace hilum::film::detail
