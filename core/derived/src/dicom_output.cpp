#include "dicom_output_p.h"

#include "hilum/base/atomic_file.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcwcache.h>

#include <cstdint>
#include <ctime>
#include <vector>

#ifndef HILUM_VERSION
#define HILUM_VERSION "unknown"
#endif

namespace hilum::derived::detail {

Timestamp now() {
  const std::time_t t = std::time(nullptr);
  std::tm local{};
  localtime_r(&t, &local);
  char date[16], time[16];
  std::strftime(date, sizeof date, "%Y%m%d", &local);
  std::strftime(time, sizeof time, "%H%M%S", &local);
  return {date, time, std::string(date) + time};
}

const char* softwareVersions() { return "Hilum " HILUM_VERSION; }

void putNewInstance(DcmItem& ds, const char* sopClassUid, const char* modality, const std::string& seriesDescription,
                    int seriesNumber, const Timestamp& when) {
  ds.putAndInsertString(DCM_SOPClassUID, sopClassUid);
  ds.putAndInsertString(DCM_SOPInstanceUID, newUid().c_str());
  ds.putAndInsertString(DCM_InstanceCreationDate, when.date.c_str());
  ds.putAndInsertString(DCM_InstanceCreationTime, when.time.c_str());
  ds.putAndInsertString(DCM_Modality, modality);
  ds.putAndInsertString(DCM_SeriesInstanceUID, newUid().c_str());
  ds.putAndInsertString(DCM_SeriesNumber, std::to_string(seriesNumber).c_str());
  ds.putAndInsertString(DCM_InstanceNumber, "1");
  if (!seriesDescription.empty()) ds.putAndInsertString(DCM_SeriesDescription, seriesDescription.c_str());
  ds.putAndInsertString(DCM_Manufacturer, "Hilum");
  ds.putAndInsertString(DCM_SoftwareVersions, softwareVersions());
}

void putCode(DcmItem& item, const char* value, const char* scheme, const char* meaning) {
  item.putAndInsertString(DCM_CodeValue, value);
  item.putAndInsertString(DCM_CodingSchemeDesignator, scheme);
  item.putAndInsertString(DCM_CodeMeaning, meaning);
}

DcmItem& appendItem(DcmItem& parent, const DcmTagKey& tag) {
  DcmItem* item = nullptr;
  // -2: append a new item (DCMTK's convention); only fails on a tag that is not a sequence.
  parent.findOrCreateSequenceItem(tag, item, -2);
  return *item;
}

std::string stringOf(DcmItem& item, const DcmTagKey& tag) {
  OFString value;
  return item.findAndGetOFStringArray(tag, value).good() ? std::string(value.c_str()) : std::string();
}

Error dcmtkError(ErrorCode code, const std::string& what, const OFCondition& condition, const std::string& path) {
  return Error(Module::Report, code, what + ": " + condition.text(), path);
}

Result<OutputInfo> saveAtomically(DcmFileFormat& file, const std::string& outPath, E_TransferSyntax syntax) {
  DcmDataset& ds = *file.getDataset();
  // Drop what the source's meta header said (its transfer syntax, source AE title): new meta.
  file.getMetaInfo()->clear();
  OFCondition status;

  // DCMTK writes through a fixed buffer and returns EC_StreamNotifyClient whenever it is full.
  std::vector<std::uint8_t> bytes;
  std::vector<std::uint8_t> chunk(1 << 20);
  DcmOutputBufferStream stream(chunk.data(), static_cast<offile_off_t>(chunk.size()));
  const auto drain = [&] {
    void* data = nullptr;
    offile_off_t length = 0;
    stream.flushBuffer(data, length);
    const auto* begin = static_cast<const std::uint8_t*>(data);
    bytes.insert(bytes.end(), begin, begin + length);
  };
  DcmWriteCache cache;
  file.transferInit();
  do {
    status = file.write(stream, syntax, EET_ExplicitLength, &cache, EGL_recalcGL, EPD_noChange, 0, 0, 0,
                        EWM_createNewMeta);
    drain();
  } while (status == EC_StreamNotifyClient);
  file.transferEnd();
  if (status.bad()) return dcmtkError(ErrorCode::Internal, "cannot encode the DICOM object", status, outPath);

  const Status written = writeFileAtomically(outPath, bytes);
  if (!written.ok()) return written.error();
  return OutputInfo{stringOf(ds, DCM_SOPInstanceUID), stringOf(ds, DCM_SeriesInstanceUID),
                    stringOf(ds, DCM_StudyInstanceUID)};
}

}  // namespace hilum::derived::detail
