#include "syntaxes_p.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>

namespace hilum::pacs {

const std::vector<std::string>& uncompressedSyntaxes() {
  static const std::vector<std::string> kSyntaxes = {UID_LittleEndianExplicitTransferSyntax,
                                                     UID_LittleEndianImplicitTransferSyntax};
  return kSyntaxes;
}

const std::vector<std::string>& compressedSyntaxes() {
  static const std::vector<std::string> kSyntaxes = {
      UID_JPEGProcess1TransferSyntax,       UID_JPEGProcess2_4TransferSyntax,
      UID_JPEGProcess14TransferSyntax,      UID_JPEGProcess14SV1TransferSyntax,
      UID_JPEGLSLosslessTransferSyntax,     UID_JPEGLSLossyTransferSyntax,
      UID_JPEG2000LosslessOnlyTransferSyntax, UID_JPEG2000TransferSyntax,
      UID_RLELosslessTransferSyntax,
  };
  return kSyntaxes;
}

const std::vector<std::string>& acceptedSyntaxes() {
  static const std::vector<std::string> kSyntaxes = [] {
    std::vector<std::string> all = uncompressedSyntaxes();
    all.insert(all.end(), compressedSyntaxes().begin(), compressedSyntaxes().end());
    all.push_back(UID_BigEndianExplicitTransferSyntax);
    all.push_back(UID_DeflatedExplicitVRLittleEndianTransferSyntax);
    return all;
  }();
  return kSyntaxes;
}

const std::vector<std::string>& scpPreferredSyntaxes() {
  static const std::vector<std::string> kSyntaxes = {
      UID_JPEGProcess14SV1TransferSyntax,     UID_JPEGProcess14TransferSyntax,
      UID_JPEGLSLosslessTransferSyntax,       UID_JPEG2000LosslessOnlyTransferSyntax,
      UID_RLELosslessTransferSyntax,          UID_LittleEndianExplicitTransferSyntax,
      UID_LittleEndianImplicitTransferSyntax, UID_DeflatedExplicitVRLittleEndianTransferSyntax,
      UID_BigEndianExplicitTransferSyntax,    UID_JPEGProcess1TransferSyntax,
      UID_JPEGProcess2_4TransferSyntax,       UID_JPEGLSLossyTransferSyntax,
      UID_JPEG2000TransferSyntax,
  };
  return kSyntaxes;
}

const std::vector<std::string>& imageStorageClasses() {
  static const std::vector<std::string> kClasses = {
      UID_ComputedRadiographyImageStorage,
      UID_DigitalXRayImageStorageForPresentation,
      UID_DigitalXRayImageStorageForProcessing,
      UID_DigitalMammographyXRayImageStorageForPresentation,
      UID_SecondaryCaptureImageStorage,
      UID_MultiframeGrayscaleByteSecondaryCaptureImageStorage,
      UID_MultiframeGrayscaleWordSecondaryCaptureImageStorage,
  };
  return kClasses;
}

const std::vector<std::string>& documentStorageClasses() {
  static const std::vector<std::string> kClasses = {
      UID_BasicTextSRStorage,
      UID_EnhancedSRStorage,
      UID_ComprehensiveSRStorage,
      UID_EncapsulatedPDFStorage,
      UID_GrayscaleSoftcopyPresentationStateStorage,
      UID_KeyObjectSelectionDocumentStorage,
  };
  return kClasses;
}

std::string syntaxName(const std::string& uid) {
  const DcmXfer xfer(uid.c_str());
  if (xfer.getXfer() == EXS_Unknown) return uid;
  return xfer.getXferName();
}

}  // namespace hilum::pacs
