#pragma once

namespace hilum::film::detail {

// Registers DCMTK's JPEG and RLE decoders and quiets DCMTK's own logging (Hilum reports
// errors itself, naming the file). Idempotent and thread-safe; call before any DCMTK decode.
void ensureDcmtkReady();

}  // namespace hilum::film::detail
