package material

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
)

// Format is what a file really is, named by a short token.
type Format string

// Formats that Inspect names. JPEG, PNG and GIF are read structurally; the
// others are recognised so that an error can say what an upload is, or what
// follows an image.
const (
	JPEG     Format = "jpeg"
	PNG      Format = "png"
	GIF      Format = "gif"
	WebP     Format = "webp"
	HEIF     Format = "heif"
	AVIF     Format = "avif"
	BMP      Format = "bmp"
	TIFF     Format = "tiff"
	PDF      Format = "pdf"
	ZIP      Format = "zip"
	RAR      Format = "rar"
	SevenZip Format = "7z"
	EXE      Format = "exe" // a Windows executable (MZ)
	ELF      Format = "elf" // a Unix executable
	SVG      Format = "svg"
	HTML     Format = "html"
	Script   Format = "script" // PHP, ASP/JSP or a #! script
	MP4      Format = "mp4"
	Unknown  Format = "unknown"
)

// Inspected reports whether Inspect reads the format's structure (JPEG, PNG
// and GIF), so that dimensions, colour and the end of the image are known.
func (f Format) Inspected() bool { return f == JPEG || f == PNG || f == GIF }

// DPISource says where a file's resolution was read.
type DPISource uint8

const (
	// NoDPI: the file records no usable resolution.
	NoDPI DPISource = iota
	// JFIF: the APP0 JFIF density.
	JFIF
	// EXIF: the APP1 EXIF XResolution/YResolution.
	EXIF
	// PHYs: the PNG pHYs chunk.
	PHYs
)

// String returns "none", "jfif", "exif" or "phys".
func (s DPISource) String() string {
	return [...]string{"none", "jfif", "exif", "phys"}[min(int(s), 3)]
}

// ColourModel is how an image stores colour.
type ColourModel uint8

const (
	// UnknownColour: not an inspected format.
	UnknownColour ColourModel = iota
	// Greyscale: one channel (a JPEG with one component, a PNG of colour
	// type 0 or 4). A colour file of a black-and-white scan is not detected:
	// that would need decoding.
	Greyscale
	// Colour: three or four channels.
	Colour
	// Palette: an indexed PNG, or a GIF.
	Palette
)

// String returns "unknown", "greyscale", "colour" or "palette".
func (c ColourModel) String() string {
	return [...]string{"unknown", "greyscale", "colour", "palette"}[min(int(c), 3)]
}

// Info is what [Inspect] learns from a file.
type Info struct {
	Format      Format
	Width       int // pixels, after EXIF orientation
	Height      int
	DPIX, DPIY  float64 // 0 when the file does not say
	DPISource   DPISource
	Size        int64 // bytes in the whole file
	Colour      ColourModel
	Components  int // JPEG components, PNG channels, 1 for GIF
	BitDepth    int
	Orientation int // EXIF orientation 1–8, 0 when absent
	// Trailing is the exact number of bytes after the image's end: the JPEG
	// EOI that ends the last scan, the PNG IEND chunk or the GIF trailer. An
	// appended file (a polyglot) shows here.
	Trailing int64
	// Appended names what the trailing bytes are when they are recognised:
	// a [Format] token ("zip", "rar", "7z", "pdf", "html", "script", "exe",
	// "elf", "jpeg", "png" …), "padding" for zero bytes, "" otherwise.
	Appended string
	// Truncated reports that the image data stops early: the file ends
	// inside a JPEG scan or segment, a PNG chunk or a GIF block.
	Truncated bool
	// EndMissing reports that the file ends cleanly between two parts of
	// the structure after the image data (a whole PNG chunk after IDAT, a
	// whole JPEG segment after a scan, a whole GIF block after an image) but
	// without the end marker (IEND, EOI, trailer). Decoders differ on such
	// files: Go's refuse them, libpng and libjpeg warn.
	EndMissing bool
	// EXIFError says why an EXIF block (JPEG APP1 or PNG eXIf) could not be
	// read; the image itself is sound, and its EXIF resolution and
	// orientation are ignored. Empty when there is no such problem.
	EXIFError string
}

// DPI returns the lower of the horizontal and vertical resolution rounded
// to the nearest integer (11811 pixels per metre is 300 dpi), and whether
// the file records one.
func (i Info) DPI() (int, bool) {
	if i.DPISource == NoDPI || i.DPIX <= 0 || i.DPIY <= 0 {
		return 0, false
	}
	return int(math.Round(min(i.DPIX, i.DPIY))), true
}

// Errors wrapped by an [*InspectError], matched with [errors.Is].
var (
	// ErrEmpty means the input has no bytes.
	ErrEmpty = errors.New("empty file")
	// ErrTruncated means the header ends early.
	ErrTruncated = errors.New("truncated")
	// ErrMalformed means the file breaks the format's structure.
	ErrMalformed = errors.New("malformed")
	// ErrRead means the reader failed.
	ErrRead = errors.New("read error")
	// ErrTooLarge means the input is longer than the read bound
	// ([DefaultMaxRead] or [MaxRead]).
	ErrTooLarge = errors.New("too large")
)

// An InspectError reports a file that Inspect cannot read, naming the
// format, the part and the byte offset.
type InspectError struct {
	Format Format
	Part   string // e.g. "APP1 segment", "IHDR CRC"
	Offset int64
	Err    error
	cause  error
}

// Error implements the error interface, naming the format, part and offset.
func (e *InspectError) Error() string {
	s := fmt.Sprintf("material: %s: %s at offset %d: %v", e.Format, e.Part, e.Offset, e.Err)
	if e.cause != nil {
		s += ": " + e.cause.Error()
	}
	return s
}

// Unwrap returns the sentinel error.
func (e *InspectError) Unwrap() error { return e.Err }

// DefaultMaxRead is the read bound of [Inspect] without [MaxRead]: 1 GiB.
// It lies far above the largest file any built-in profile accepts (8 MB
// images, [Tencent]) and leaves room for a commitment video, whose size no
// source bounds. A caller that knows its [Spec] passes MaxRead(MaxBytes)
// to stop right after the limit.
const DefaultMaxRead = 1 << 30

// An InspectOption changes how [Inspect] reads.
type InspectOption struct{ maxRead int64 }

// MaxRead makes [Inspect] stop after n bytes and report [ErrTooLarge] when
// the input is longer. n ≤ 0 means [DefaultMaxRead].
func MaxRead(n int64) InspectOption { return InspectOption{maxRead: n} }

const (
	bufSize   = 64 << 10 // the read buffer; holds any whole JPEG segment
	headSize  = 512      // bytes sniffed for appended data
	sniffSize = 4096     // bytes sniffed for a file's format (SVG after a long comment)
	seekMin   = 16 << 10 // a skip at least this long seeks instead of reading
)

type inspector struct {
	buf      [bufSize]byte
	r, w     int   // buf[r:w] is read but not consumed
	base     int64 // input offset of buf[0]
	src      io.Reader
	seeker   io.Seeker // nil when the input cannot seek
	start    int64     // the seeker's position when Inspect began
	size     int64     // the input's length when it can seek, else -1
	left     int64     // bytes that may still be read before the bound
	maxRead  int64
	eof      bool
	tooLarge bool
	rerr     error // the reader's error, other than io.EOF
	format   Format
	one      [1]byte
	typ      [4]byte  // the PNG chunk type being read
	readCap  int      // bytes asked of the input per read (0: the buffer)
	crcFold  [64]byte // crcUpdate's scratch
}

var pool = sync.Pool{New: func() any { return new(inspector) }}

// Inspect reads an uploaded file and tells what it really is: its format,
// size in pixels, resolution, colour model, byte length, and exactly how
// many bytes follow the image's end and what they are.
//
// JPEG, PNG and GIF are walked structurally while streaming: JPEG marker
// segments by their lengths and entropy-coded data up to the EOI that ends
// the last scan (stuffed FF 00 and RSTn markers are data); PNG chunks by
// their lengths, verifying every CRC, to IEND; GIF blocks and sub-blocks to
// the trailer. Everything after the end is [Info.Trailing]. Memory use is
// constant whatever the input's size, and allocations do not grow with it.
//
// When r is also an [io.Seeker] (an [*os.File], a [*bytes.Reader]), its
// length is taken by seeking, PNG IDAT chunks are skipped by their lengths
// rather than read (so their CRCs are not verified), and appended data is
// not read. Inspect reads from r's current position.
//
// Files that are not JPEG, PNG or GIF are named (PDF, HEIF, WebP, ZIP,
// SVG, HTML …) and counted, with a nil error: [Spec.Check] then reports the
// wrong format. A broken structure gives an [*InspectError]. Inspect stops
// after [DefaultMaxRead] bytes, or the bound given with [MaxRead], and
// returns an error wrapping [ErrTooLarge] with the Info known so far; its
// Size is then a lower bound, or exact when r can seek.
func Inspect(r io.Reader, opts ...InspectOption) (Info, error) {
	in := pool.Get().(*inspector)
	defer func() {
		in.src, in.seeker, in.rerr = nil, nil, nil
		pool.Put(in)
	}()
	maxRead := int64(DefaultMaxRead)
	for _, o := range opts {
		if o.maxRead > 0 {
			maxRead = o.maxRead
		}
	}
	in.reset(r, maxRead)
	var info Info
	err := in.run(&info)
	return in.finish(&info, err)
}

func (in *inspector) reset(r io.Reader, maxRead int64) {
	in.r, in.w, in.base = 0, 0, 0
	in.src, in.seeker, in.size, in.start = r, nil, -1, 0
	in.maxRead, in.left = maxRead, maxRead
	in.eof, in.tooLarge, in.rerr, in.format, in.readCap = false, false, nil, Unknown, 0
	if s, ok := r.(io.Seeker); ok {
		cur, err := s.Seek(0, io.SeekCurrent)
		if err != nil {
			return // a pipe or a socket behind an *os.File
		}
		end, err := s.Seek(0, io.SeekEnd)
		if err != nil {
			return
		}
		if _, err := s.Seek(cur, io.SeekStart); err != nil {
			in.rerr = err
			return
		}
		in.seeker, in.start, in.size = s, cur, max(end-cur, 0)
	}
}

// finish turns the reader's state into the result: a read error or the
// bound outranks what the parser concluded.
func (in *inspector) finish(info *Info, err error) (Info, error) {
	if info.Format == "" {
		info.Format = in.format
	}
	if in.size >= 0 {
		info.Size = in.size
	} else {
		info.Size = in.base + int64(in.w) // every byte read
	}
	switch {
	case in.rerr != nil:
		return *info, &InspectError{Format: in.format, Part: "input", Offset: in.off(), Err: ErrRead, cause: in.rerr}
	case in.tooLarge || in.size > in.maxRead:
		info.Truncated, info.EndMissing = false, false
		return *info, &InspectError{Format: in.format, Part: fmt.Sprintf("input (longer than the read bound of %d bytes)", in.maxRead),
			Offset: min(in.off(), in.maxRead), Err: ErrTooLarge}
	}
	return *info, err
}

// off returns the input offset of the next unconsumed byte.
func (in *inspector) off() int64 { return in.base + int64(in.r) }

func (in *inspector) avail() int { return in.w - in.r }

// fill reads more input into the buffer, keeping the unconsumed bytes. It
// reports whether it added any; false means the end of the input, a read
// error or the bound (see finish).
func (in *inspector) fill() bool {
	if in.eof {
		return false
	}
	if in.r > 0 {
		n := copy(in.buf[:], in.buf[in.r:in.w])
		in.base += int64(in.r)
		in.r, in.w = 0, n
	}
	if in.w == len(in.buf) {
		return false // callers never ask for more than the buffer holds
	}
	for tries := 0; tries < 100; tries++ {
		if in.left == 0 {
			// At the bound: one more byte means the input is too long.
			n, _ := io.ReadFull(in.src, in.one[:])
			in.eof, in.tooLarge = true, n > 0
			return false
		}
		p := in.buf[in.w:]
		if in.readCap > 0 && len(p) > in.readCap {
			p = p[:in.readCap]
		}
		if int64(len(p)) > in.left {
			p = p[:in.left]
		}
		n, err := in.src.Read(p)
		if n < 0 || n > len(p) {
			in.rerr, in.eof = errors.New("reader returned an invalid count"), true
			return false
		}
		in.w += n
		in.left -= int64(n)
		if err != nil {
			if err != io.EOF {
				in.rerr = err
			}
			in.eof = true
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	in.rerr, in.eof = io.ErrNoProgress, true
	return false
}

// need makes at least n ≤ bufSize bytes available and reports whether the
// input holds them.
func (in *inspector) need(n int) bool {
	for in.avail() < n {
		if !in.fill() {
			return false
		}
	}
	return true
}

// skip consumes n bytes, seeking over long runs when the input can seek. It
// reports whether the input holds them; if not, everything is consumed.
func (in *inspector) skip(n int64) bool {
	if n <= int64(in.avail()) {
		in.r += int(n)
		return true
	}
	n -= int64(in.avail())
	in.drop()
	if in.seeker != nil && n >= seekMin {
		return in.seekTo(in.base + n)
	}
	for n > 0 {
		if !in.fill() {
			return false
		}
		k := min(n, int64(in.w))
		n -= k
		in.r = int(k)
		if in.r == in.w {
			in.drop()
		}
	}
	return true
}

// drop forgets the buffered bytes, which are all consumed.
func (in *inspector) drop() {
	in.base += int64(in.w)
	in.r, in.w = 0, 0
}

// seekTo moves to offset off of a seekable input with an empty buffer. It
// reports whether off lies within the input and the bound.
func (in *inspector) seekTo(off int64) bool {
	switch {
	case off > in.maxRead && in.size > in.maxRead:
		off, in.tooLarge = in.maxRead, true
	case off > in.size:
		off = in.size
	}
	if _, err := in.seeker.Seek(in.start+off, io.SeekStart); err != nil {
		in.rerr, in.eof = err, true
		return false
	}
	in.base, in.left, in.eof = off, max(in.maxRead-off, 0), false
	if off == in.size || in.tooLarge {
		in.eof = true
		return false
	}
	return true
}

// endedEarly records an input that ended after the image data began:
// cleanly between two parts of the structure (EndMissing) or inside one
// (Truncated).
func (i *Info) endedEarly(clean bool) {
	if clean {
		i.EndMissing = true
	} else {
		i.Truncated = true
	}
}

func (in *inspector) fail(part string, err error) error {
	return &InspectError{Format: in.format, Part: part, Offset: in.off(), Err: err}
}

func (in *inspector) run(info *Info) error {
	if !in.need(1) {
		return in.fail("file", ErrEmpty)
	}
	in.need(sniffSize)
	head := in.buf[in.r:in.w]
	switch {
	case len(head) >= 2 && head[0] == 0xFF && head[1] == 0xD8:
		in.format, info.Format = JPEG, JPEG
		return in.jpeg(info)
	case hasPrefix(head, pngSig):
		in.format, info.Format = PNG, PNG
		return in.png(info)
	case hasPrefix(head, pngSig[:4]):
		in.format, info.Format = PNG, PNG
		return in.fail("signature (only the first 4 of its 8 bytes match)", ErrMalformed)
	case hasPrefix(head, "GIF87a") || hasPrefix(head, "GIF89a"):
		in.format, info.Format = GIF, GIF
		return in.gif(info)
	}
	info.Format = sniff(head)
	in.format = info.Format
	in.consumeRest(nil)
	return nil
}

func hasPrefix(b []byte, p string) bool { return len(b) >= len(p) && string(b[:len(p)]) == p }

// end is called at the end of an image: it names and counts what follows.
func (in *inspector) end(info *Info) {
	in.need(headSize)
	head := in.buf[in.r:min(in.w, in.r+headSize)]
	if len(head) == 0 {
		return
	}
	info.Appended = appended(head)
	mark := in.off()
	if in.seeker != nil {
		info.Trailing = in.size - mark
		if info.Appended == "" && in.tailHasZip(mark) {
			info.Appended = string(ZIP)
		}
		return
	}
	var zipSeen bool
	var zp *bool
	if info.Appended == "" {
		zp = &zipSeen
	}
	in.consumeRest(zp)
	info.Trailing = in.off() - mark
	if zipSeen {
		info.Appended = string(ZIP)
	}
}

// eocd is the signature of a ZIP end-of-central-directory record; an
// archive reader finds it from the end, so a ZIP opens whatever precedes it.
const eocd = "PK\x05\x06"

// consumeRest reads to the end of the input. When zip is not nil, it looks
// for a ZIP end record on the way.
func (in *inspector) consumeRest(zip *bool) {
	if in.seeker != nil {
		in.drop()
		in.seekTo(in.size)
		return
	}
	var carry [3]byte
	nc := 0
	for {
		if zip != nil && !*zip && in.avail() > 0 {
			b := in.buf[in.r:in.w]
			if indexString(b, eocd) >= 0 || nc > 0 && crossEOCD(carry[:nc], b) {
				*zip = true
			}
			nc = copy(carry[:], b[max(len(b)-3, 0):])
		}
		in.drop()
		if !in.fill() {
			return
		}
	}
}

func crossEOCD(prev, b []byte) bool {
	var j [6]byte
	n := copy(j[:], prev)
	n += copy(j[n:], b[:min(len(b), 3)])
	return indexString(j[:n], eocd) >= 0
}

// tailHasZip looks for a ZIP end record in the last 64 KiB + 22 bytes of a
// seekable input after mark.
func (in *inspector) tailHasZip(mark int64) bool {
	from := max(mark, in.size-(65535+22))
	if from >= in.size || from > in.maxRead {
		return false
	}
	in.drop()
	if !in.seekTo(from) {
		return false
	}
	for in.fill() {
	}
	found := indexString(in.buf[in.r:in.w], eocd) >= 0
	in.drop()
	return found
}
