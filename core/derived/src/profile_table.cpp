// PS3.15 Table E.1-1, column "Basic Prof.", transcribed for every attribute the table lists.
// Sorted by attribute name as in the standard, so a reviewer can hold the two side by side.
#include "deidentify_p.h"

#include "hilum/derived/confidentiality_profile.h"

namespace hilum::derived::detail {
namespace {

using A = ProfileAction;

std::vector<ProfileEntry> makeTable() {
  std::vector<ProfileEntry> t = {
      {0x0008, 0x0050, A::Z},    // Accession Number
      {0x0018, 0x4000, A::X},    // Acquisition Comments
      {0x0040, 0x0555, A::XZ},   // Acquisition Context Sequence
      {0x0008, 0x0022, A::XZ},   // Acquisition Date
      {0x0008, 0x002A, A::XZD},  // Acquisition DateTime
      {0x0018, 0x1400, A::XD},   // Acquisition Device Processing Description
      {0x0018, 0x11BB, A::D},    // Acquisition Field Of View Label
      {0x0018, 0x9424, A::X},    // Acquisition Protocol Description
      {0x0008, 0x0032, A::XZ},   // Acquisition Time
      {0x0040, 0x4035, A::X},    // Actual Human Performers Sequence
      {0x0010, 0x21B0, A::X},    // Additional Patient History
      {0x0040, 0xA353, A::X},    // Address (Trial)
      {0x0038, 0x0010, A::X},    // Admission ID
      {0x0038, 0x0020, A::X},    // Admitting Date
      {0x0008, 0x1084, A::X},    // Admitting Diagnoses Code Sequence
      {0x0008, 0x1080, A::X},    // Admitting Diagnoses Description
      {0x0038, 0x0021, A::X},    // Admitting Time
      {0x0000, 0x1000, A::X},    // Affected SOP Instance UID
      {0x0010, 0x2110, A::X},    // Allergies
      {0x4000, 0x0010, A::X},    // Arbitrary
      {0x0040, 0xA078, A::X},    // Author Observer Sequence
      {0x2200, 0x0005, A::XZ},   // Barcode Value
      {0x300A, 0x00C3, A::X},    // Beam Description
      {0x300A, 0x00DD, A::X},    // Bolus Description
      {0x0010, 0x1081, A::X},    // Branch of Service
      {0x0016, 0x004D, A::X},    // Camera Owner Name
      {0x0018, 0x1007, A::X},    // Cassette ID
      {0x0012, 0x0060, A::Z},    // Clinical Trial Coordinating Center Name
      {0x0012, 0x0082, A::X},    // Clinical Trial Protocol Ethics Committee Approval Number
      {0x0012, 0x0081, A::D},    // Clinical Trial Protocol Ethics Committee Name
      {0x0012, 0x0020, A::D},    // Clinical Trial Protocol ID
      {0x0012, 0x0021, A::Z},    // Clinical Trial Protocol Name
      {0x0012, 0x0072, A::X},    // Clinical Trial Series Description
      {0x0012, 0x0071, A::X},    // Clinical Trial Series ID
      {0x0012, 0x0030, A::Z},    // Clinical Trial Site ID
      {0x0012, 0x0031, A::Z},    // Clinical Trial Site Name
      {0x0012, 0x0010, A::D},    // Clinical Trial Sponsor Name
      {0x0012, 0x0040, A::D},    // Clinical Trial Subject ID
      {0x0012, 0x0042, A::D},    // Clinical Trial Subject Reading ID
      {0x0012, 0x0051, A::X},    // Clinical Trial Time Point Description
      {0x0012, 0x0050, A::Z},    // Clinical Trial Time Point ID
      {0x0040, 0x0310, A::X},    // Comments on Radiation Dose
      {0x0040, 0x0280, A::X},    // Comments on the Performed Procedure Step
      {0x300A, 0x02EB, A::X},    // Compensator Description
      {0x0020, 0x9161, A::U},    // Concatenation UID
      {0x3010, 0x000F, A::Z},    // Conceptual Volume Combination Description
      {0x3010, 0x0017, A::Z},    // Conceptual Volume Description
      {0x3010, 0x0006, A::U},    // Conceptual Volume UID
      {0x0040, 0x3001, A::X},    // Confidentiality Constraint on Patient Data Description
      {0x3010, 0x0013, A::U},    // Constituent Conceptual Volume UID
      {0x0008, 0x009C, A::Z},    // Consulting Physician's Name
      {0x0008, 0x009D, A::X},    // Consulting Physician Identification Sequence
      {0x0050, 0x001B, A::X},    // Container Component ID
      {0x0040, 0x051A, A::X},    // Container Description
      {0x0040, 0x0512, A::D},    // Container Identifier
      {0x0070, 0x0086, A::X},    // Content Creator's Identification Code Sequence
      {0x0070, 0x0084, A::ZD},   // Content Creator's Name
      {0x0008, 0x0023, A::ZD},   // Content Date
      {0x0040, 0xA730, A::D},    // Content Sequence
      {0x0008, 0x0033, A::ZD},   // Content Time
      {0x0018, 0x0010, A::ZD},   // Contrast/Bolus Agent
      {0x0018, 0xA003, A::X},    // Contribution Description
      {0x0010, 0x2150, A::X},    // Country of Residence
      {0x0040, 0xA307, A::X},    // Current Observer (Trial)
      {0x0038, 0x0300, A::X},    // Current Patient Location
      {0x0008, 0x0025, A::X},    // Curve Date
      {0x0008, 0x0035, A::X},    // Curve Time
      {0x0040, 0xA07C, A::X},    // Custodial Organization Sequence
      {0xFFFC, 0xFFFC, A::X},    // Data Set Trailing Padding
      {0x0018, 0x937F, A::X},    // Decomposition Description
      {0x0008, 0x2111, A::X},    // Derivation Description
      {0x0018, 0x700A, A::XD},   // Detector ID
      {0x3010, 0x001B, A::Z},    // Device Alternate Identifier
      {0x0050, 0x0020, A::X},    // Device Description
      {0x3010, 0x002D, A::D},    // Device Label
      {0x0018, 0x1000, A::XZD},  // Device Serial Number
      {0x0016, 0x004B, A::X},    // Device Setting Description
      {0x0018, 0x1002, A::U},    // Device UID
      {0xFFFA, 0xFFFA, A::X},    // Digital Signatures Sequence
      {0x0400, 0x0100, A::U},    // Digital Signature UID
      {0x0020, 0x9164, A::U},    // Dimension Organization UID
      {0x0038, 0x0040, A::X},    // Discharge Diagnosis Description
      {0x4008, 0x011A, A::X},    // Distribution Address
      {0x4008, 0x0119, A::X},    // Distribution Name
      {0x300A, 0x0016, A::X},    // Dose Reference Description
      {0x300A, 0x0013, A::U},    // Dose Reference UID
      {0x3010, 0x006E, A::U},    // Dosimetric Objective UID
      {0x0018, 0x9517, A::XD},   // End Acquisition DateTime
      {0x3010, 0x0037, A::X},    // Entity Description
      {0x3010, 0x0035, A::D},    // Entity Label
      {0x3010, 0x0038, A::D},    // Entity Long Label
      {0x3010, 0x0036, A::X},    // Entity Name
      {0x300A, 0x0676, A::X},    // Equipment Frame of Reference Description
      {0x0010, 0x2160, A::X},    // Ethnic Group
      {0x0040, 0x4011, A::X},    // Expected Completion DateTime
      {0x0008, 0x0058, A::U},    // Failed SOP Instance UID List
      {0x0070, 0x031A, A::U},    // Fiducial UID
      {0x0040, 0x2017, A::Z},    // Filler Order Number / Imaging Service Request
      {0x3008, 0x0054, A::XD},   // First Treatment Date
      {0x300A, 0x0196, A::X},    // Fixation Device Description
      {0x0034, 0x0002, A::D},    // Flow Identifier
      {0x0034, 0x0001, A::D},    // Flow Identifier Sequence
      {0x3010, 0x007F, A::Z},    // Fractionation Notes
      {0x300A, 0x0072, A::X},    // Fraction Group Description
      {0x0020, 0x9158, A::X},    // Frame Comments
      {0x0020, 0x0052, A::U},    // Frame of Reference UID
      {0x0034, 0x0007, A::D},    // Frame Origin Timestamp
      {0x0018, 0x1008, A::X},    // Gantry ID
      {0x0018, 0x1005, A::X},    // Generator ID
      // GPS Version ID (0016,0070) .. GPS Differential (0016,008E): all X, added below.
      {0x0070, 0x0001, A::D},    // Graphic Annotation Sequence
      {0x0040, 0x4037, A::X},    // Human Performer's Name
      {0x0040, 0x4036, A::X},    // Human Performer's Organization
      {0x0088, 0x0200, A::X},    // Icon Image Sequence
      {0x0008, 0x4000, A::X},    // Identifying Comments
      {0x0020, 0x4000, A::X},    // Image Comments
      {0x0028, 0x4000, A::X},    // Image Presentation Comments
      {0x0040, 0x2400, A::X},    // Imaging Service Request Comments
      {0x003A, 0x0314, A::D},    // Impedance Measurement DateTime
      {0x4008, 0x0300, A::X},    // Impressions
      {0x0008, 0x0015, A::X},    // Instance Coercion DateTime
      {0x0008, 0x0014, A::U},    // Instance Creator UID
      {0x0400, 0x0600, A::X},    // Instance Origin Status
      {0x0008, 0x0081, A::X},    // Institution Address
      {0x0008, 0x1040, A::X},    // Institutional Department Name
      {0x0008, 0x1041, A::X},    // Institutional Department Type Code Sequence
      {0x0008, 0x0082, A::XZD},  // Institution Code Sequence
      {0x0008, 0x0080, A::XZD},  // Institution Name
      {0x0010, 0x1050, A::X},    // Insurance Plan Identification
      {0x3010, 0x004D, A::XD},   // Intended Phase End Date
      {0x3010, 0x004C, A::XD},   // Intended Phase Start Date
      {0x0040, 0x1011, A::X},    // Intended Recipients of Results Identification Sequence
      {0x300A, 0x0741, A::D},    // Interlock DateTime
      {0x300A, 0x0742, A::D},    // Interlock Description
      {0x300A, 0x0783, A::D},    // Interlock Origin Description
      {0x4008, 0x0111, A::X},    // Interpretation Approver Sequence
      {0x4008, 0x010C, A::X},    // Interpretation Author
      {0x4008, 0x0115, A::X},    // Interpretation Diagnosis Description
      {0x4008, 0x0202, A::X},    // Interpretation ID Issuer
      {0x4008, 0x0102, A::X},    // Interpretation Recorder
      {0x4008, 0x010B, A::X},    // Interpretation Text
      {0x4008, 0x010A, A::X},    // Interpretation Transcriber
      {0x0008, 0x3010, A::U},    // Irradiation Event UID
      {0x0038, 0x0011, A::X},    // Issuer of Admission ID
      {0x0038, 0x0014, A::X},    // Issuer of Admission ID Sequence
      {0x0010, 0x0021, A::X},    // Issuer of Patient ID
      {0x0038, 0x0061, A::X},    // Issuer of Service Episode ID
      {0x0038, 0x0064, A::X},    // Issuer of Service Episode ID Sequence
      {0x0040, 0x0513, A::Z},    // Issuer of the Container Identifier Sequence
      {0x0040, 0x0562, A::Z},    // Issuer of the Specimen Identifier Sequence
      {0x2200, 0x0002, A::XZ},   // Label Text
      {0x0028, 0x1214, A::U},    // Large Palette Color Lookup Table UID
      {0x0010, 0x21D0, A::X},    // Last Menstrual Date
      {0x0016, 0x004F, A::X},    // Lens Make
      {0x0016, 0x0050, A::X},    // Lens Model
      {0x0016, 0x0051, A::X},    // Lens Serial Number
      {0x0016, 0x004E, A::X},    // Lens Specification
      {0x0050, 0x0021, A::X},    // Long Device Description
      {0x0400, 0x0404, A::X},    // MAC
      {0x0016, 0x002B, A::X},    // Maker Note
      {0x0018, 0x100B, A::U},    // Manufacturer's Device Class UID
      {0x3010, 0x0043, A::Z},    // Manufacturer's Device Identifier
      {0x0002, 0x0003, A::U},    // Media Storage SOP Instance UID
      {0x0010, 0x2000, A::X},    // Medical Alerts
      {0x0010, 0x1090, A::X},    // Medical Record Locator
      {0x0010, 0x1080, A::X},    // Military Rank
      {0x0400, 0x0550, A::X},    // Modified Attributes Sequence
      {0x0020, 0x3406, A::X},    // Modified Image Description
      {0x0020, 0x3401, A::X},    // Modifying Device ID
      {0x3008, 0x0056, A::XD},   // Most Recent Treatment Date
      {0x0018, 0x937B, A::X},    // Multi-energy Acquisition Description
      {0x003A, 0x0310, A::U},    // Multiplex Group UID
      {0x0008, 0x1060, A::X},    // Name of Physician(s) Reading Study
      {0x0040, 0x1010, A::X},    // Names of Intended Recipients of Results
      {0x0400, 0x0551, A::X},    // Nonconforming Modified Attributes Sequence
      {0x0400, 0x0552, A::X},    // Nonconforming Data Element Value
      {0x0040, 0xA192, A::X},    // Observation Date (Trial)
      {0x0040, 0xA402, A::U},    // Observation Subject UID (Trial)
      {0x0040, 0xA193, A::X},    // Observation Time (Trial)
      {0x0040, 0xA171, A::U},    // Observation UID
      {0x0010, 0x2180, A::X},    // Occupation
      {0x0008, 0x1072, A::XD},   // Operator Identification Sequence
      {0x0008, 0x1070, A::XZD},  // Operators' Name
      {0x0040, 0x2010, A::X},    // Order Callback Phone Number
      {0x0040, 0x2011, A::X},    // Order Callback Telecom Information
      {0x0040, 0x2008, A::X},    // Order Entered By
      {0x0040, 0x2009, A::X},    // Order Enterer's Location
      {0x0400, 0x0561, A::X},    // Original Attributes Sequence
      {0x0010, 0x1000, A::X},    // Other Patient IDs
      {0x0010, 0x1002, A::X},    // Other Patient IDs Sequence
      {0x0010, 0x1001, A::X},    // Other Patient Names
      // Overlay Comments (60xx,4000) and Overlay Data (60xx,3000): by rule, whole overlay groups.
      {0x0008, 0x0024, A::X},    // Overlay Date
      {0x0008, 0x0034, A::X},    // Overlay Time
      {0x300A, 0x0760, A::D},    // Override DateTime
      {0x0028, 0x1199, A::U},    // Palette Color Lookup Table UID
      {0x0040, 0xA07A, A::X},    // Participant Sequence
      {0x0010, 0x1040, A::X},    // Patient's Address
      {0x0010, 0x1010, A::X},    // Patient's Age
      {0x0010, 0x0030, A::Z},    // Patient's Birth Date
      {0x0010, 0x1005, A::X},    // Patient's Birth Name
      {0x0010, 0x0032, A::X},    // Patient's Birth Time
      {0x0038, 0x0400, A::X},    // Patient's Institution Residence
      {0x0010, 0x0050, A::X},    // Patient's Insurance Plan Code Sequence
      {0x0010, 0x1060, A::X},    // Patient's Mother's Birth Name
      {0x0010, 0x0010, A::Z},    // Patient's Name
      {0x0010, 0x0101, A::X},    // Patient's Primary Language Code Sequence
      {0x0010, 0x0102, A::X},    // Patient's Primary Language Modifier Code Sequence
      {0x0010, 0x21F0, A::X},    // Patient's Religious Preference
      {0x0010, 0x0040, A::Z},    // Patient's Sex
      {0x0010, 0x2203, A::XZ},   // Patient's Sex Neutered
      {0x0010, 0x1020, A::X},    // Patient's Size
      {0x0010, 0x2155, A::X},    // Patient's Telecom Information
      {0x0010, 0x2154, A::X},    // Patient's Telephone Numbers
      {0x0010, 0x1030, A::X},    // Patient's Weight
      {0x0010, 0x4000, A::X},    // Patient Comments
      {0x0010, 0x0020, A::Z},    // Patient ID
      {0x300A, 0x0650, A::U},    // Patient Setup UID
      {0x0038, 0x0500, A::X},    // Patient State
      {0x0040, 0x1004, A::X},    // Patient Transport Arrangements
      {0x0040, 0x0243, A::X},    // Performed Location
      {0x0040, 0x0254, A::X},    // Performed Procedure Step Description
      {0x0040, 0x0250, A::X},    // Performed Procedure Step End Date
      {0x0040, 0x4051, A::X},    // Performed Procedure Step End DateTime
      {0x0040, 0x0251, A::X},    // Performed Procedure Step End Time
      {0x0040, 0x0253, A::X},    // Performed Procedure Step ID
      {0x0040, 0x0244, A::X},    // Performed Procedure Step Start Date
      {0x0040, 0x4050, A::X},    // Performed Procedure Step Start DateTime
      {0x0040, 0x0245, A::X},    // Performed Procedure Step Start Time
      {0x0040, 0x0241, A::X},    // Performed Station AE Title
      {0x0040, 0x4030, A::X},    // Performed Station Geographic Location Code Sequence
      {0x0040, 0x0242, A::X},    // Performed Station Name
      {0x0040, 0x4028, A::X},    // Performed Station Name Code Sequence
      {0x0008, 0x1050, A::X},    // Performing Physician's Name
      {0x0008, 0x1052, A::X},    // Performing Physician Identification Sequence
      {0x0040, 0x1102, A::X},    // Person's Address
      {0x0040, 0x1104, A::X},    // Person's Telecom Information
      {0x0040, 0x1103, A::X},    // Person's Telephone Numbers
      {0x0040, 0x1101, A::D},    // Person Identification Code Sequence
      {0x0040, 0xA123, A::D},    // Person Name
      {0x0008, 0x1048, A::X},    // Physician(s) of Record
      {0x0008, 0x1049, A::X},    // Physician(s) of Record Identification Sequence
      {0x0008, 0x1062, A::X},    // Physician(s) Reading Study Identification Sequence
      {0x4008, 0x0114, A::X},    // Physician Approving Interpretation
      {0x0040, 0x2016, A::Z},    // Placer Order Number / Imaging Service Request
      {0x0018, 0x1004, A::X},    // Plate ID
      {0x0010, 0x21C0, A::X},    // Pregnancy Status
      {0x0040, 0x0012, A::X},    // Pre-Medication
      {0x300A, 0x000E, A::X},    // Prescription Description
      {0x3010, 0x007B, A::Z},    // Prescription Notes
      {0x3010, 0x0081, A::Z},    // Prescription Notes Sequence
      {0x0070, 0x1101, A::U},    // Presentation Display Collection UID
      {0x0070, 0x1102, A::U},    // Presentation Sequence Collection UID
      {0x3010, 0x0061, A::X},    // Prior Treatment Dose Description
      // Private attributes (odd groups): X, by rule.
      {0x0040, 0x4052, A::X},    // Procedure Step Cancellation DateTime
      {0x0018, 0x1030, A::XD},   // Protocol Name
      {0x300A, 0x0619, A::D},    // Radiation Dose Identification Label
      {0x300A, 0x0623, A::D},    // Radiation Dose In-Vivo Measurement Label
      {0x300A, 0x067D, A::Z},    // Radiation Generation Mode Description
      {0x300A, 0x067C, A::D},    // Radiation Generation Mode Label
      {0x300C, 0x0113, A::X},    // Reason for Omission Description
      {0x0040, 0x100A, A::X},    // Reason for Requested Procedure Code Sequence
      {0x0032, 0x1030, A::X},    // Reason for Study
      {0x3010, 0x005C, A::Z},    // Reason for Superseding
      {0x0040, 0x2001, A::X},    // Reason for the Imaging Service Request
      {0x0040, 0x1002, A::X},    // Reason for the Requested Procedure
      {0x0032, 0x1066, A::X},    // Reason for Visit
      {0x0032, 0x1067, A::X},    // Reason for Visit Code Sequence
      {0x300A, 0x073A, A::D},    // Recorded RT Control Point DateTime
      {0x3010, 0x000B, A::U},    // Referenced Conceptual Volume UID
      {0x0400, 0x0402, A::X},    // Referenced Digital Signature Sequence
      {0x300A, 0x0083, A::U},    // Referenced Dose Reference UID
      {0x3010, 0x006F, A::U},    // Referenced Dosimetric Objective UID
      {0x3010, 0x0031, A::U},    // Referenced Fiducials UID
      {0x3006, 0x0024, A::U},    // Referenced Frame of Reference UID
      {0x0040, 0x4023, A::U},    // Referenced General Purpose Scheduled Procedure Step Transaction UID
      {0x0008, 0x1140, A::XZU},  // Referenced Image Sequence
      {0x0040, 0xA172, A::U},    // Referenced Observation UID (Trial)
      {0x0038, 0x0004, A::X},    // Referenced Patient Alias Sequence
      {0x0010, 0x1100, A::X},    // Referenced Patient Photo Sequence
      {0x0008, 0x1120, A::X},    // Referenced Patient Sequence
      {0x0008, 0x1111, A::XZD},  // Referenced Performed Procedure Step Sequence
      {0x0400, 0x0403, A::X},    // Referenced SOP Instance MAC Sequence
      {0x0008, 0x1155, A::U},    // Referenced SOP Instance UID
      {0x0004, 0x1511, A::U},    // Referenced SOP Instance UID in File
      {0x0008, 0x1110, A::XZ},   // Referenced Study Sequence
      {0x0008, 0x0092, A::X},    // Referring Physician's Address
      {0x0008, 0x0090, A::Z},    // Referring Physician's Name
      {0x0008, 0x0094, A::X},    // Referring Physician's Telephone Numbers
      {0x0008, 0x0096, A::X},    // Referring Physician Identification Sequence
      {0x0010, 0x2152, A::X},    // Region of Residence
      {0x3006, 0x00C2, A::U},    // Related Frame of Reference UID
      {0x0040, 0x0275, A::X},    // Request Attributes Sequence
      {0x0032, 0x1070, A::X},    // Requested Contrast Agent
      {0x0040, 0x1400, A::X},    // Requested Procedure Comments
      {0x0032, 0x1060, A::XZ},   // Requested Procedure Description
      {0x0040, 0x1001, A::X},    // Requested Procedure ID
      {0x0040, 0x1005, A::X},    // Requested Procedure Location
      {0x0018, 0x9937, A::X},    // Requested Series Description
      {0x0000, 0x1001, A::U},    // Requested SOP Instance UID
      {0x0032, 0x1032, A::X},    // Requesting Physician
      {0x0032, 0x1033, A::X},    // Requesting Service
      {0x0018, 0x9185, A::X},    // Respiratory Motion Compensation Technique Description
      {0x0010, 0x2299, A::X},    // Responsible Organization
      {0x0010, 0x2297, A::X},    // Responsible Person
      {0x4008, 0x4000, A::X},    // Results Comments
      {0x4008, 0x0118, A::X},    // Results Distribution List Sequence
      {0x4008, 0x0042, A::X},    // Results ID Issuer
      {0x300E, 0x0008, A::XZ},   // Reviewer Name
      {0x3006, 0x0028, A::X},    // ROI Description
      {0x3006, 0x0038, A::X},    // ROI Generation Description
      {0x3006, 0x00A6, A::Z},    // ROI Interpreter
      {0x3006, 0x0026, A::Z},    // ROI Name
      {0x3006, 0x0088, A::X},    // ROI Observation Description
      {0x3006, 0x0085, A::X},    // ROI Observation Label
      {0x300A, 0x0615, A::Z},    // RT Accessory Device Slot ID
      {0x300A, 0x0611, A::Z},    // RT Accessory Holder Slot ID
      {0x3010, 0x005A, A::Z},    // RT Physician Intent Narrative
      {0x300A, 0x0006, A::XD},   // RT Plan Date
      {0x300A, 0x0004, A::X},    // RT Plan Description
      {0x300A, 0x0002, A::D},    // RT Plan Label
      {0x300A, 0x0003, A::X},    // RT Plan Name
      {0x300A, 0x0007, A::XD},   // RT Plan Time
      {0x3010, 0x0054, A::D},    // RT Prescription Label
      {0x300A, 0x062A, A::D},    // RT Tolerance Set Label
      {0x3010, 0x0056, A::XD},   // RT Treatment Approach Label
      {0x3010, 0x003B, A::U},    // RT Treatment Phase UID
      {0x0040, 0x4034, A::X},    // Scheduled Human Performers Sequence
      {0x0038, 0x001E, A::X},    // Scheduled Patient Institution Residence
      {0x0040, 0x0006, A::X},    // Scheduled Performing Physician's Name
      {0x0040, 0x000B, A::X},    // Scheduled Performing Physician Identification Sequence
      {0x0040, 0x0007, A::X},    // Scheduled Procedure Step Description
      {0x0040, 0x0004, A::X},    // Scheduled Procedure Step End Date
      {0x0040, 0x0005, A::X},    // Scheduled Procedure Step End Time
      {0x0040, 0x4008, A::X},    // Scheduled Procedure Step Expiration DateTime
      {0x0040, 0x0009, A::X},    // Scheduled Procedure Step ID
      {0x0040, 0x0011, A::X},    // Scheduled Procedure Step Location
      {0x0040, 0x4010, A::X},    // Scheduled Procedure Step Modification DateTime
      {0x0040, 0x0002, A::X},    // Scheduled Procedure Step Start Date
      {0x0040, 0x4005, A::X},    // Scheduled Procedure Step Start DateTime
      {0x0040, 0x0003, A::X},    // Scheduled Procedure Step Start Time
      {0x0040, 0x0001, A::X},    // Scheduled Station AE Title
      {0x0040, 0x4027, A::X},    // Scheduled Station Geographic Location Code Sequence
      {0x0040, 0x0010, A::X},    // Scheduled Station Name
      {0x0040, 0x4025, A::X},    // Scheduled Station Name Code Sequence
      {0x0032, 0x1020, A::X},    // Scheduled Study Location
      {0x0032, 0x1021, A::X},    // Scheduled Study Location AE Title
      {0x0008, 0x0021, A::XD},   // Series Date
      {0x0008, 0x103E, A::X},    // Series Description
      {0x0020, 0x000E, A::U},    // Series Instance UID
      {0x0008, 0x0031, A::XD},   // Series Time
      {0x0038, 0x0062, A::X},    // Service Episode Description
      {0x0038, 0x0060, A::X},    // Service Episode ID
      {0x300A, 0x01B2, A::X},    // Setup Technique Description
      {0x300A, 0x01A6, A::X},    // Shielding Device Description
      {0x0040, 0x06FA, A::X},    // Slide Identifier
      {0x0010, 0x21A0, A::X},    // Smoking Status
      {0x0008, 0x0018, A::U},    // SOP Instance UID
      {0x3010, 0x0015, A::U},    // Source Conceptual Volume UID
      {0x0018, 0x936A, A::D},    // Source End DateTime
      {0x0034, 0x0005, A::D},    // Source Identifier
      {0x0008, 0x2112, A::XZU},  // Source Image Sequence
      {0x300A, 0x0216, A::X},    // Source Manufacturer
      {0x3008, 0x0105, A::XZ},   // Source Serial Number
      {0x0018, 0x9369, A::D},    // Source Start DateTime
      {0x0038, 0x0050, A::X},    // Special Needs
      {0x0040, 0x050A, A::X},    // Specimen Accession Number
      {0x0040, 0x0602, A::X},    // Specimen Detailed Description
      {0x0040, 0x0551, A::D},    // Specimen Identifier
      {0x0040, 0x0610, A::Z},    // Specimen Preparation Sequence
      {0x0040, 0x0600, A::X},    // Specimen Short Description
      {0x0040, 0x0554, A::U},    // Specimen UID
      {0x0018, 0x9516, A::XD},   // Start Acquisition DateTime
      {0x0008, 0x1010, A::XZD},  // Station Name
      {0x0088, 0x0140, A::U},    // Storage Media File-set UID
      {0x3006, 0x0008, A::Z},    // Structure Set Date
      {0x3006, 0x0006, A::X},    // Structure Set Description
      {0x3006, 0x0002, A::D},    // Structure Set Label
      {0x3006, 0x0004, A::X},    // Structure Set Name
      {0x3006, 0x0009, A::XD},   // Structure Set Time
      {0x0032, 0x4000, A::X},    // Study Comments
      {0x0008, 0x0020, A::Z},    // Study Date
      {0x0008, 0x1030, A::X},    // Study Description
      {0x0020, 0x0010, A::Z},    // Study ID
      {0x0032, 0x0012, A::X},    // Study ID Issuer
      {0x0020, 0x000D, A::U},    // Study Instance UID
      {0x0008, 0x0030, A::Z},    // Study Time
      {0x0020, 0x0200, A::U},    // Synchronization Frame of Reference UID
      {0x0018, 0x2042, A::U},    // Target UID
      {0x0040, 0xA354, A::X},    // Telephone Number (Trial)
      {0x0040, 0xDB0D, A::U},    // Template Extension Creator UID
      {0x0040, 0xDB0C, A::U},    // Template Extension Organization UID
      {0x4000, 0x4000, A::X},    // Text Comments
      {0x2030, 0x0020, A::X},    // Text String
      {0x0008, 0x0201, A::X},    // Timezone Offset From UTC
      {0x0088, 0x0910, A::X},    // Topic Author
      {0x0088, 0x0912, A::X},    // Topic Keywords
      {0x0088, 0x0906, A::X},    // Topic Subject
      {0x0088, 0x0904, A::X},    // Topic Title
      {0x0062, 0x0021, A::U},    // Tracking UID
      {0x0008, 0x1195, A::U},    // Transaction UID
      {0x0018, 0x5011, A::X},    // Transducer Identification Sequence
      {0x3008, 0x0250, A::XD},   // Treatment Date
      {0x300A, 0x00B2, A::X},    // Treatment Machine Name
      {0x300A, 0x0608, A::D},    // Treatment Position Group Label
      {0x300A, 0x0609, A::U},    // Treatment Position Group UID
      {0x300A, 0x0700, A::U},    // Treatment Session UID
      {0x3010, 0x0077, A::D},    // Treatment Site
      {0x3010, 0x007A, A::Z},    // Treatment Technique Notes
      {0x3008, 0x0251, A::XD},   // Treatment Time
      {0x300A, 0x0736, A::D},    // Treatment Tolerance Violation DateTime
      {0x300A, 0x0734, A::D},    // Treatment Tolerance Violation Description
      {0x0018, 0x100A, A::X},    // UDI Sequence
      {0x0040, 0xA124, A::U},    // UID
      {0x0018, 0x1009, A::X},    // Unique Device Identifier
      {0x3010, 0x0033, A::D},    // User Content Label
      {0x3010, 0x0034, A::D},    // User Content Long Label
      {0x0040, 0xA352, A::X},    // Verbal Source (Trial)
      {0x0040, 0xA358, A::X},    // Verbal Source Identifier Code Sequence (Trial)
      {0x0040, 0xA088, A::Z},    // Verifying Observer Identification Code Sequence
      {0x0040, 0xA075, A::D},    // Verifying Observer Name
      {0x0040, 0xA073, A::D},    // Verifying Observer Sequence
      {0x0040, 0xA027, A::D},    // Verifying Organization
      {0x0038, 0x4000, A::X},    // Visit Comments
      {0x0018, 0x9371, A::D},    // X-Ray Detector ID
      {0x0018, 0x9373, A::X},    // X-Ray Detector Label
      {0x0018, 0x9367, A::D},    // X-Ray Source ID
  };
  for (Uint16 element = 0x0070; element <= 0x008E; ++element) t.push_back({0x0016, element, A::X});  // GPS *

  // Beyond the table (Hilum's choice, stricter than the profile): when the object was made, and
  // identity attributes newer editions or neighbouring modules add, all removed.
  const ProfileEntry beyond[] = {
      {0x0008, 0x0012, A::X},  // Instance Creation Date
      {0x0008, 0x0013, A::X},  // Instance Creation Time
      {0x0010, 0x0024, A::X},  // Issuer of Patient ID Qualifiers Sequence
      {0x0010, 0x0033, A::X},  // Patient's Birth Date in Alternative Calendar
      {0x0010, 0x0034, A::X},  // Patient's Death Date in Alternative Calendar
      {0x0010, 0x0035, A::X},  // Patient's Alternative Calendar
      {0x0008, 0x0051, A::X},  // Issuer of Accession Number Sequence
      {0x0032, 0x1031, A::X},  // Requesting Physician Identification Sequence
  };
  for (ProfileEntry entry : beyond) {
    entry.beyondProfile = true;
    t.push_back(entry);
  }
  return t;
}

}  // namespace

const std::vector<ProfileEntry>& basicProfileTable() {
  static const std::vector<ProfileEntry> table = makeTable();
  return table;
}

}  // namespace hilum::derived::detail

namespace hilum::derived {
namespace {

const char* actionText(detail::ProfileAction action) {
  using A = detail::ProfileAction;
  switch (action) {
    case A::X: return "X";
    case A::Z: return "Z";
    case A::D: return "D";
    case A::U: return "U";
    case A::XZ: return "X/Z";
    case A::XD: return "X/D";
    case A::ZD: return "Z/D";
    case A::XZD: return "X/Z/D";
    case A::XZU: return "X/Z/U*";
  }
  return "X";
}

}  // namespace

const std::vector<ProfileRule>& basicProfileRules() {
  static const std::vector<ProfileRule> rules = [] {
    std::vector<ProfileRule> out;
    for (const detail::ProfileEntry& e : detail::basicProfileTable())
      out.push_back({e.group, e.element, actionText(e.action), e.beyondProfile});
    return out;
  }();
  return rules;
}

}  // namespace hilum::derived
