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
// decompression bombs and appended files. A [Profile] gives the spec of every
// kind. [Default] holds only what every provider requires (JPEG, PNG or GIF,
// at most 8 MiB, colour where the kind needs it), so that what it refuses is
// refused everywhere; [Alibaba] (JPG or PNG, at least 300 dpi, at most 4 MB,
// the values of the Alibaba how-to this project started from), [Tencent] and
// [Huawei] are the providers' specs with their sources. Providers write "MB"
// without saying whether they mean 10^6 or 2^20 bytes: a provider's profile
// reads an upper bound as 10^6 and a lower bound as 2^10, so that a file it
// passes is accepted under either reading. Profiles are immutable values;
// [NewProfile] builds your own. [Spec.Check] returns every [Problem] with a
// stable code (the Problem… constants) and its parameters.
//
// # Inspect
//
// [Inspect] reads a file once, while streaming, and finds the end of the
// image by walking its structure: JPEG marker segments by their lengths and
// entropy-coded data up to the EOI that ends the last scan (stuffed FF 00
// and restart markers are data, runs of FF fill bytes are skipped eight at a
// time); PNG chunks by their lengths, verifying every CRC, to IEND; GIF
// blocks and sub-blocks to the trailer. Everything after the end is counted
// exactly in [Info.Trailing] and named in [Info.Appended] — a JPEG with a ZIP
// behind it is a polyglot that a panel might serve back, and archive readers
// open it whatever precedes the archive. Files that are not JPEG, PNG or GIF
// are named with github.com/h2non/filetype and a look at the first bytes
// (SVG and HTML after any comment or doctype), so that a panel can say
// "this is a PDF"; that library checks only a few magic bytes, which is why
// image structure is confirmed here.
//
// A file whose image data stops early is [Info.Truncated]; one that ends
// cleanly between two parts of the structure after the image data but
// without its end marker is [Info.EndMissing]. A JPEG's scan data cannot be
// shown complete without decoding it, so a JPEG that ends inside a scan is
// Truncated. A second frame header (SOF) is refused, as libjpeg refuses it.
//
// Resolution follows the conventions of the common imaging tools: JFIF unit
// 1 is per inch, unit 2 per centimetre (× 2.54), unit 0 or density 0 means
// unknown and EXIF is used instead (ResolutionUnit absent means inch); pHYs
// unit 1 is per metre (× 0.0254). Dpi is compared after rounding, so 11811
// pixels per metre is 300 dpi. EXIF orientation 5–8, from a JPEG's APP1 or a
// PNG's eXIf chunk, swaps width and height. A broken EXIF block does not
// spoil an image that is otherwise sound: it is reported in
// [Info.EXIFError] and by [Spec.Check] as the warning [ProblemEXIF].
//
// Memory use is constant (one pooled 64 KiB buffer), allocations do not
// grow with the file, and no length read from a file is used to allocate.
// The two passes over every byte, the JPEG marker search and the PNG CRCs,
// use AVX-512 or AVX2 on amd64 processors that have them (as reported by
// golang.org/x/sys/cpu) and portable Go elsewhere or under the purego build
// tag. On a plain reader Inspect then costs 1.3–1.5 times reading a file
// larger than the processor's cache, and up to twice reading one the cache
// holds, which costs almost nothing (see the README's performance table).
// When the input can seek (an [*os.File], a [*bytes.Reader]), its length is
// taken by seeking, long PNG IDAT chunks are skipped by their lengths and
// appended data is not read. Inspect stops after [DefaultMaxRead] bytes or
// the bound given with [MaxRead] and reports [ErrTooLarge]. Every malformed
// file gives an [*InspectError] naming the format, the part and the offset,
// wrapping [ErrTruncated], [ErrMalformed], [ErrEmpty], [ErrRead] or
// [ErrTooLarge].
package material
