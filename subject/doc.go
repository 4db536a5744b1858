// Package subject knows who files an ICP application: the subject (主体) and
// its people, and the identifiers they give.
//
// # Subjects and people
//
// A filing subject is a unit (企业, 个体工商户, 政府机关, 事业单位, 社会团体,
// 民办非企业单位, 基金会, 律师执业机构, 国防机构, 外国企业常驻代表机构) or an
// individual (个人); [Kind] names them and says which certificates each may
// file with ([Kind.Certificates]). Every subject has a 主体负责人, the
// [Subject.Owner]; every site a 网站负责人. Both are a [Person], whose
// personal fields are [Secret] values that print masked.
//
// # Identifiers
//
// The identifiers are small comparable value types in the style of
// net/netip, each with a Parse function, a MustParse for tests, String,
// AppendText, MarshalText and UnmarshalText:
//
//   - [ResidentID]: the 18-character 居民身份证 number (GB 11643), and the
//     numbers that share its layout (港澳台居民居住证, the 2023 外国人永久居留身份证).
//   - [CreditCode]: the 18-character 统一社会信用代码 (GB 32100), whose first two
//     characters tell the subject [Kind].
//   - [Mobile]: a mainland mobile number, classified by a segment table that is
//     data ([SegmentTable]): basic operators, virtual operators (which the MIIT
//     verification SMS does not reliably reach), IoT and satellite ranges.
//   - [Landline] and [DocumentID] (passports, travel permits, organisation codes).
//
// Input is normalised deliberately: full-width digits and letters, spaces,
// Unicode dashes, a lower-case x, and +86/0086 prefixes. Digit checks are
// ASCII-only after that. Parsing the canonical form does not allocate.
//
// Errors are [*ParseError] values that name the function, the input (masked)
// and the part at fault, and wrap one of [ErrFormat], [ErrLength] (which also
// matches ErrFormat), [ErrChecksum] and [ErrComponent].
//
// # Personal data
//
// Identity numbers, phone numbers, e-mail addresses and names are masked in
// every String, MarshalText, error and %v output: 1101**********002X,
// 138****8000. Only the explicit methods ResidentID.Number, Mobile.Number,
// Mobile.E164, DocumentID.Number and Secret.Reveal give the full value.
//
// # Contacts, names and addresses
//
// [CheckEmail] and [EmailInDomains] check e-mail addresses (internationalised
// domains included); [CheckPersonName] checks Chinese and Latin names;
// [CompareNames] says whether a unit name equals the licence's exactly, only
// after folding brackets and spaces, or not at all; [CheckAddress] reports
// why an address is not "precise to the house number".
package subject
