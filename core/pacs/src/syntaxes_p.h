#pragma once
// Transfer syntaxes and SOP classes Hilum negotiates, in one place so the SCU, the C-GET receiver
// and the storage SCP agree.
#include <string>
#include <vector>

namespace hilum::pacs {

// Explicit VR Little Endian, then Implicit VR Little Endian (the one every peer must accept).
const std::vector<std::string>& uncompressedSyntaxes();
// The compressed syntaxes core/film decodes: JPEG baseline, extended, lossless (process 14 and SV1),
// JPEG-LS lossless and near-lossless, JPEG 2000 lossless and lossy, RLE lossless.
const std::vector<std::string>& compressedSyntaxes();
// Both, uncompressed first, plus Explicit VR Big Endian and Deflated (still met in old archives).
const std::vector<std::string>& acceptedSyntaxes();

// The storage SCP's order of preference when a sender proposes several syntaxes in one context:
// lossless compression first (the file is kept as the sender has it, and is smaller), then
// uncompressed, and lossy compression last, so a sender never compresses lossily on our account.
const std::vector<std::string>& scpPreferredSyntaxes();

// Storage SOP classes offered for C-GET (where each class costs presentation contexts): radiographs
// and what Hilum writes or reads beside them.
const std::vector<std::string>& imageStorageClasses();     // CR, DX, mammography, SC, multi-frame SC
const std::vector<std::string>& documentStorageClasses();  // SR, Encapsulated PDF, GSPS, KOS

// A transfer syntax's name for messages ("JPEG 2000 (lossless)"), the UID when unknown.
std::string syntaxName(const std::string& uid);

}  // namespace hilum::pacs
