// Package material knows the materials of an ICP filing — identity
// documents, licences, domain certificates, letters — and checks uploaded
// files against what each must be.
//
// # Materials and specs
//
// A filing carries scans or photos of originals: both sides of the ID card
// of every manager, the subject's certificate (a colour scan showing the
// whole registration seal), a domain certificate, authorisation and
// commitment letters, and province extras such as Jiangsu's commitment video
// or Xinjiang's 党建确认函. [Kind] names them and knows each one's physical
// size and whether a colour original is required.
//
// A [Spec] says what a file must be: formats, byte limits, a minimum dpi and
// the pixel floor it implies for the document's physical size (85.60 × 53.98
// mm at 300 dpi is 1012 × 638 pixels), colour, and guards against
// decompression bombs and appended files. [DefaultSpec] is the brief's spec
// (JPG or PNG, at least 300 dpi, at most 4 MB); [Tencent], [Huawei] and
// [Alibaba] are the providers' specs with their sources. [Spec.Check] returns
// every [Problem] with a stable code and its parameters.
//
// # Inspect
//
// [Inspect] reads only a file's header: JPEG markers up to the start of scan
// (frame size and components, JFIF density, EXIF resolution and orientation
// in either byte order) and PNG chunks up to the first IDAT (IHDR with its
// CRC, pHYs). It then counts the remaining bytes without buffering them, so
// memory stays constant for any size, and finds the end marker in the last
// 64 KiB to report appended data (a JPEG with a ZIP behind it is a polyglot
// that a panel might serve back). Files that are not JPEG or PNG are named
// with github.com/h2non/filetype and a look at the first bytes, so that a
// panel can say "this is a PDF"; that library checks only a few magic
// bytes, which is why JPEG and PNG structure is confirmed here.
//
// Resolution follows the conventions of the common imaging tools: JFIF unit
// 1 is per inch, unit 2 per centimetre (× 2.54), unit 0 or density 0 means
// unknown and EXIF is used instead (ResolutionUnit absent means inch); pHYs
// unit 1 is per metre (× 0.0254). Dpi is compared after rounding, so 11811
// pixels per metre is 300 dpi.
//
// Every malformed header gives an [*InspectError] naming the format, the part
// and the offset, wrapping [ErrTruncated], [ErrMalformed], [ErrEmpty] or
// [ErrRead]. No length read from a file is used to allocate memory.
package material
