#pragma once
// The check every module runs before DCMTK parses a DICOM file it did not write. DCMTK 3.6.7 reads
// nested sequences by recursion, one set of stack frames per level, and a file of 20000 nested
// empty sequences (720 kB) overflows an 8 MiB stack: the process dies, whoever asked. In a deflated
// data set it allocates whatever length an element declares (gigabytes from a 630-byte file). The film
// loader, the tag reader and the DICOMDIR reader check first; so must the derived-object writers
// (their source film), the presentation state reader and the PACS sender and receivers.
//
// Thread safety: safe from any thread.
#include <optional>
#include <string>

namespace hilum::film {

// Why `path` must not reach DCMTK's parser ("sequences are nested deeper than 64 levels", "a
// deflated element declares more bytes than the data set holds"), or nothing when it may (also
// when an uncompressed structure cannot be walked: DCMTK then reports its own error). Reads the file without building anything and without recursion.
std::optional<std::string> dicomStructureProblem(const std::string& path);

}  // namespace hilum::film
