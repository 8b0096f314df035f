#include "hilum/pacs/echo.h"

#include "association_p.h"

#include <dcmtk/dcmnet/diutil.h>

namespace hilum::pacs {

Status echo(const Node& node, const ScuOptions& options) {
  SigpipeGuard sigpipe;
  Association assoc(node, options, nullptr);
  OFList<OFString> syntaxes;
  syntaxes.push_back(UID_LittleEndianExplicitTransferSyntax);
  syntaxes.push_back(UID_LittleEndianImplicitTransferSyntax);
  assoc.addPresentationContext(UID_VerificationSOPClass, syntaxes);
  if (Status s = assoc.open("C-ECHO"); !s.ok()) return s;
  const OFCondition cond = assoc.sendECHORequest(0);
  if (cond.bad()) return assoc.failure("C-ECHO", cond);
  assoc.release();
  return Status::success();
}

}  // namespace hilum::pacs
