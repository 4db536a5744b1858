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
// personal fields are [Secret] values that print masked and store in full
// (see Personal data below).
//
// # Identifiers
//
// The identifiers are small comparable value types in the style of
// net/netip, each with a Parse function, a MustParse for tests, String,
// AppendText, MarshalText, UnmarshalText, and Value and Scan for
// database/sql:
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
// and the part at fault, and wrap one of [ErrFormat], [ErrLength] and
// [ErrMasked] (which also match ErrFormat), [ErrChecksum] and [ErrComponent].
//
// # Personal data
//
// Personal data is what identifies a natural person: a person's name, the
// number of an identity document ([ResidentID], and passports, permits and
// the other personal [DocType] values), mobile and other phone numbers
// ([Mobile], [Landline]), e-mail addresses, and the name, address and
// investor of an individual subject ([Individual]). [Person] holds them as
// [Secret] values.
//
// A unit's data is public and never masked: its name, address and investor,
// and above all its unified social credit code ([CreditCode], and the
// number of any unit certificate), which is printed on the licence and in
// public registers.
//
// Personal data is masked wherever people read it, and kept in full
// wherever it is stored:
//
//   - For people: String, every fmt verb (each type implements
//     [fmt.Formatter], so %v, %+v, %#v, %s, %q, %x and %d of the value or of
//     a struct holding it print the masked form), errors ([ParseError]
//     holds the input masked) and [log/slog] (each type implements
//     [slog.LogValuer], so neither the text nor the JSON handler logs the
//     full value): 1101**********002X, 138****8000, 0571-****7777,
//     z***@example.com, 张*. See [Mask].
//   - For storage and transport: MarshalText and AppendText (and so
//     encoding/json), and Value and Scan for database/sql write and read the
//     full value, so that decode(encode(x)) == x. [ResidentID.Number],
//     [Mobile.Number], [Mobile.E164], [DocumentID.Number] and
//     [Secret.Reveal] return it to code.
//
// The parsers and decoders refuse a masked value (an asterisk where the
// value belongs, see [IsMasked]) with [ErrMasked], which also matches
// [ErrFormat]; the [ParseError] names the masked characters. Masked text
// fed back from a display can thus never replace a stored value.
//
// A panel that wants masked JSON for display asks for it explicitly with a
// Masked method: [Person.Masked], [Subject.Masked], [Document.Masked] and
// [Secret.Masked] return a copy of the same type with its personal fields
// masked. This view was chosen over a marshal option because its JSON has
// the shape of the stored form (a front end reads both alike), because it
// cannot be produced by accident, and because the decoders refuse it. The
// identifier types need no view: their String is the masked form.
//
// A struct of another package that holds these values is masked by fmt
// through them, but slog's JSON handler marshals a struct that is not a
// LogValuer as JSON, which is the full stored form: such a struct should
// implement [slog.LogValuer] itself. In an unexported field, fmt cannot call
// a value's methods and prints its fields: the identifier types hold their
// numbers scrambled, so nothing readable comes out, but a [Secret] is a
// string and prints whole there. Keep Secrets in exported fields, or give
// the struct a Format method.
//
// # Contacts, names and addresses
//
// [CheckEmail] and [EmailInDomains] check e-mail addresses (internationalised
// domains included); [CheckPersonName] checks Chinese and Latin names;
// [CompareNames] says whether a unit name equals the licence's exactly, only
// after folding brackets and spaces, or not at all; [CheckAddress] reports
// why an address is not "precise to the house number".
package subject
