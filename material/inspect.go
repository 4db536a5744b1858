package material

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/h2non/filetype"
)

// Format is what a file really is, named by a short token.
type Format string

// Formats that Inspect names. JPEG and PNG are read structurally; the
// others are recognised so that an error can say what an upload is.
const (
	JPEG    Format = "jpeg"
	PNG     Format = "png"
	GIF     Format = "gif"
	WebP    Format = "webp"
	HEIF    Format = "heif"
	AVIF    Format = "avif"
	BMP     Format = "bmp"
	TIFF    Format = "tiff"
	PDF     Format = "pdf"
	ZIP     Format = "zip"
	SVG     Format = "svg"
	HTML    Format = "html"
	MP4     Format = "mp4"
	Unknown Format = "unknown"
)

// Inspected reports whether Inspect reads the format's structure (JPEG and
// PNG), so that dimensions, dpi and colour are known.
func (f Format) Inspected() bool { return f == JPEG || f == PNG }

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
	// Palette: an indexed PNG.
	Palette
)

// String returns "unknown", "greyscale", "colour" or "palette".
func (c ColourModel) String() string {
	return [...]string{"unknown", "greyscale", "colour", "palette"}[min(int(c), 3)]
}

// Info is what [Inspect] learns from a file's header and length.
type Info struct {
	Format      Format
	Width       int // pixels, after EXIF orientation
	Height      int
	DPIX, DPIY  float64 // 0 when the file does not say
	DPISource   DPISource
	Size        int64 // bytes in the whole file
	Colour      ColourModel
	Components  int // JPEG components or PNG channels
	BitDepth    int
	Orientation int // EXIF orientation 1–8, 0 when absent
	// Trailing is the number of bytes after the JPEG EOI or PNG IEND: an
	// appended file (a polyglot). -1 means there are trailing bytes of
	// unknown length: the end marker lies more than 64 KiB before the end.
	Trailing int64
	// Appended names what the trailing bytes look like ("zip", "html" …),
	// when recognised.
	Appended string
	// Truncated reports that the end marker is missing: the image data
	// stops early.
	Truncated bool
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
	// ErrMalformed means the header breaks the format's structure.
	ErrMalformed = errors.New("malformed")
	// ErrRead means the reader failed.
	ErrRead = errors.New("read error")
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

const (
	tailSize = 64 << 10 // bytes kept from the end of the file
	headSize = 512      // bytes sniffed for the format
)

type inspector struct {
	br     *bufio.Reader
	off    int64
	format Format
	exif   [65536]byte
	tail   tailBuf
	// Scratch space for small reads: locals passed to a reader would
	// escape to the heap.
	mk  [2]byte
	lb  [2]byte
	seg [16]byte
	hdr [8 + 8 + 13 + 4]byte
	ch  [8]byte
	ph  [9 + 4]byte
}

var pool = sync.Pool{New: func() any {
	return &inspector{br: bufio.NewReaderSize(nil, 4096), tail: tailBuf{buf: make([]byte, tailSize)}}
}}

// Inspect reads an uploaded file's header and tells what it really is: its
// format, size in pixels, resolution, colour model, byte length, and whether
// bytes follow the image's end marker. It reads JPEG markers up to the start
// of scan and PNG chunks up to the first IDAT, then counts the remaining
// bytes without buffering them, keeping only the last 64 KiB to find the end
// marker. Memory use is constant whatever the file's size.
//
// Files that are neither JPEG nor PNG are named (PDF, HEIF, WebP, GIF, ZIP,
// SVG, HTML …) and counted, with a nil error: [Spec.Check] then reports the
// wrong format. A broken JPEG or PNG header gives an [*InspectError].
func Inspect(r io.Reader) (Info, error) {
	in := pool.Get().(*inspector)
	defer func() {
		in.br.Reset(nil)
		pool.Put(in)
	}()
	in.br.Reset(r)
	in.off, in.format = 0, Unknown
	in.tail.reset()
	return in.run()
}

func (in *inspector) fail(part string, err error) error {
	return &InspectError{Format: in.format, Part: part, Offset: in.off, Err: err}
}

func (in *inspector) ioFail(part string, err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return in.fail(part, ErrTruncated)
	}
	e := &InspectError{Format: in.format, Part: part, Offset: in.off, Err: ErrRead, cause: err}
	return e
}

func (in *inspector) read(p []byte, part string) error {
	n, err := io.ReadFull(in.br, p)
	in.off += int64(n)
	if err != nil {
		return in.ioFail(part, err)
	}
	return nil
}

func (in *inspector) discard(n int64, part string) error {
	for n > 0 {
		k := int(min(n, 1<<30))
		d, err := in.br.Discard(k)
		in.off += int64(d)
		n -= int64(d)
		if err != nil {
			return in.ioFail(part, err)
		}
	}
	return nil
}

var pngSig = []byte("\x89PNG\r\n\x1a\n")

func (in *inspector) run() (Info, error) {
	head, err := in.br.Peek(headSize)
	if len(head) == 0 {
		if err != nil && err != io.EOF {
			return Info{Format: Unknown}, in.ioFail("header", err)
		}
		return Info{Format: Unknown}, in.fail("file", ErrEmpty)
	}
	switch {
	case len(head) >= 2 && head[0] == 0xFF && head[1] == 0xD8:
		in.format = JPEG
		return in.jpeg()
	case bytes.HasPrefix(head, pngSig):
		in.format = PNG
		return in.png()
	case bytes.HasPrefix(head, pngSig[:4]):
		in.format = PNG
		return Info{Format: PNG}, in.fail("signature (only the first 4 of its 8 bytes match)", ErrMalformed)
	}
	info := Info{Format: sniff(head)}
	n, err := io.Copy(io.Discard, in.br)
	if err != nil {
		return info, in.ioFail("body", err)
	}
	info.Size = n
	return info, nil
}

// sniff names a file that is not JPEG or PNG, with h2non/filetype for binary
// formats and a look at the first bytes for text ones.
func sniff(head []byte) Format {
	if t, err := filetype.Match(head); err == nil && t != filetype.Unknown {
		switch t.Extension {
		case "jpg":
			return JPEG
		case "tif":
			return TIFF
		case "gif", "webp", "heif", "avif", "bmp", "pdf", "zip", "mp4":
			return Format(t.Extension)
		default:
			return Format(t.Extension)
		}
	}
	text := strings.ToLower(strings.TrimLeft(string(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))), " \t\r\n"))
	switch {
	case strings.HasPrefix(text, "<svg"), strings.HasPrefix(text, "<?xml") && strings.Contains(text, "<svg"):
		return SVG
	case strings.HasPrefix(text, "<!doctype html"), strings.HasPrefix(text, "<html"), strings.HasPrefix(text, "<head"),
		strings.HasPrefix(text, "<body"), strings.HasPrefix(text, "<script"):
		return HTML
	case strings.HasPrefix(text, "%pdf"):
		return PDF
	}
	return Unknown
}

func (in *inspector) jpeg() (Info, error) {
	info := Info{Format: JPEG}
	if err := in.read(in.mk[:], "SOI"); err != nil {
		return info, err
	}
	var (
		jfifUnit       byte
		jfifX, jfifY   uint16
		exifX, exifY   float64
		exifUnit       uint16 = 2 // TIFF default: inch
		haveSOF        bool
		seg            = in.seg[:]
		segmentsWalked int
	)
	for {
		segmentsWalked++
		if segmentsWalked > 100000 {
			return info, in.fail("too many segments before the image data", ErrMalformed)
		}
		mk := in.mk[:]
		if err := in.read(mk[:1], "marker"); err != nil {
			return info, err
		}
		if mk[0] != 0xFF {
			return info, in.fail(fmt.Sprintf("marker (byte %02X where FF was expected)", mk[0]), ErrMalformed)
		}
		// Skip fill bytes.
		for {
			if err := in.read(mk[1:], "marker"); err != nil {
				return info, err
			}
			if mk[1] != 0xFF {
				break
			}
		}
		m := mk[1]
		switch {
		case m == 0xD8:
			return info, in.fail("second SOI", ErrMalformed)
		case m == 0xD9:
			return info, in.fail("EOI before the image data", ErrMalformed)
		case m >= 0xD0 && m <= 0xD7 || m == 0x01:
			continue // standalone markers
		case m == 0x00:
			return info, in.fail("marker FF00 outside the image data", ErrMalformed)
		}
		lb := in.lb[:]
		if err := in.readM(lb, m, " length"); err != nil {
			return info, err
		}
		l := int64(binary.BigEndian.Uint16(lb))
		if l < 2 {
			return info, in.fail(markerName(m)+" length", ErrMalformed)
		}
		n := l - 2
		switch {
		case m == 0xE0: // APP0
			k := min(n, int64(len(seg)))
			if err := in.read(seg[:k], "APP0 segment"); err != nil {
				return info, err
			}
			if k >= 12 && string(seg[:5]) == "JFIF\x00" {
				jfifUnit = seg[7]
				jfifX = binary.BigEndian.Uint16(seg[8:])
				jfifY = binary.BigEndian.Uint16(seg[10:])
			}
			if err := in.discard(n-k, "APP0 segment"); err != nil {
				return info, err
			}
		case m == 0xE1: // APP1: EXIF or XMP
			buf := in.exif[:n]
			if err := in.read(buf, "APP1 segment"); err != nil {
				return info, err
			}
			if len(buf) >= 6 && string(buf[:6]) == "Exif\x00\x00" {
				x, y, unit, orient, err := parseEXIF(buf[6:])
				if err != "" {
					return info, in.fail("EXIF "+err, ErrMalformed)
				}
				exifX, exifY, info.Orientation = x, y, orient
				if unit != 0 {
					exifUnit = unit
				}
			}
		case isSOF(m):
			if n < 6 {
				return info, in.fail(markerName(m)+" (too short for a frame header)", ErrMalformed)
			}
			if err := in.readM(seg[:6], m, ""); err != nil {
				return info, err
			}
			info.BitDepth = int(seg[0])
			info.Height = int(binary.BigEndian.Uint16(seg[1:]))
			info.Width = int(binary.BigEndian.Uint16(seg[3:]))
			info.Components = int(seg[5])
			if info.Width == 0 {
				return info, in.fail(markerName(m)+" (zero width)", ErrMalformed)
			}
			haveSOF = true
			if err := in.discardM(n-6, m); err != nil {
				return info, err
			}
		case m == 0xDA: // SOS: the header ends here
			if !haveSOF {
				return info, in.fail("SOS before any frame header", ErrMalformed)
			}
			if err := in.discard(n, "SOS segment"); err != nil {
				return info, err
			}
			return in.finishJPEG(info, jfifUnit, jfifX, jfifY, exifX, exifY, exifUnit)
		default:
			if err := in.discardM(n, m); err != nil {
				return info, err
			}
		}
	}
}

func markerName(m byte) string { return fmt.Sprintf("segment FF%02X", m) }

// readM and discardM name the segment only when they fail, so that the
// common path formats nothing.
func (in *inspector) readM(p []byte, m byte, suffix string) error {
	if err := in.read(p, ""); err != nil {
		err.(*InspectError).Part = markerName(m) + suffix
		return err
	}
	return nil
}

func (in *inspector) discardM(n int64, m byte) error {
	if err := in.discard(n, ""); err != nil {
		err.(*InspectError).Part = markerName(m)
		return err
	}
	return nil
}

func isSOF(m byte) bool {
	return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC
}

func (in *inspector) finishJPEG(info Info, ju byte, jx, jy uint16, ex, ey float64, eu uint16) (Info, error) {
	switch {
	case (ju == 1 || ju == 2) && jx > 0 && jy > 0:
		f := 1.0
		if ju == 2 {
			f = 2.54
		}
		info.DPIX, info.DPIY, info.DPISource = float64(jx)*f, float64(jy)*f, JFIF
	case ex > 0 && ey > 0 && (eu == 2 || eu == 3):
		f := 1.0
		if eu == 3 {
			f = 2.54
		}
		info.DPIX, info.DPIY, info.DPISource = ex*f, ey*f, EXIF
	}
	switch info.Components {
	case 1:
		info.Colour = Greyscale
	case 3, 4:
		info.Colour = Colour
	}
	if info.Orientation >= 5 && info.Orientation <= 8 {
		info.Width, info.Height = info.Height, info.Width
	}
	if err := in.count(&info); err != nil {
		return info, err
	}
	// Entropy-coded data never holds FF D9, so the first FF D9 of the
	// window is the EOI when the EOI lies in it.
	t := in.tail.bytes()
	if i := bytes.Index(t, []byte{0xFF, 0xD9}); i >= 0 {
		info.Trailing = int64(len(t) - i - 2)
		if info.Trailing > 0 {
			info.Appended = sniffAppended(t[i+2:])
		}
	} else {
		in.noEndMarker(&info, t)
	}
	return info, nil
}

// noEndMarker decides between an appended file too long for the window and
// a truncated image.
func (in *inspector) noEndMarker(info *Info, t []byte) {
	if bytes.Contains(t, []byte("PK\x05\x06")) {
		info.Trailing, info.Appended = -1, "zip"
		return
	}
	info.Truncated = true
}

func sniffAppended(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.Contains(b, []byte("PK\x05\x06")) {
		return "zip"
	}
	if f := sniff(b[:min(len(b), headSize)]); f != Unknown {
		return string(f)
	}
	for _, c := range b[:min(len(b), 64)] {
		if c != 0 {
			return ""
		}
	}
	return "padding"
}

// count reads the rest of the input, keeping the last tailSize bytes.
func (in *inspector) count(info *Info) error {
	n, err := io.Copy(&in.tail, in.br)
	in.off += n
	info.Size = in.off
	if err != nil {
		return in.ioFail("image data", err)
	}
	return nil
}

// parseEXIF reads XResolution, YResolution, ResolutionUnit and Orientation
// from IFD0 of a TIFF structure. It follows no IFD links, so a cycle cannot
// loop; an offset past the end is an error.
func parseEXIF(b []byte) (x, y float64, unit uint16, orient int, problem string) {
	if len(b) < 8 {
		return 0, 0, 0, 0, "header too short"
	}
	var bo binary.ByteOrder
	switch string(b[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0, 0, 0, 0, "byte order"
	}
	if bo.Uint16(b[2:]) != 42 {
		return 0, 0, 0, 0, "TIFF magic"
	}
	ifd := int64(bo.Uint32(b[4:]))
	if ifd < 8 || ifd+2 > int64(len(b)) {
		return 0, 0, 0, 0, "IFD0 offset past the end"
	}
	cnt := int64(bo.Uint16(b[ifd:]))
	if ifd+2+cnt*12 > int64(len(b)) {
		return 0, 0, 0, 0, "IFD0 entries past the end"
	}
	rational := func(e []byte) (float64, string) {
		if bo.Uint16(e[2:]) != 5 || bo.Uint32(e[4:]) < 1 {
			return 0, "resolution type"
		}
		off := int64(bo.Uint32(e[8:]))
		if off+8 > int64(len(b)) || off < 0 {
			return 0, "resolution offset past the end"
		}
		num, den := bo.Uint32(b[off:]), bo.Uint32(b[off+4:])
		if den == 0 {
			return 0, ""
		}
		return float64(num) / float64(den), ""
	}
	for i := range cnt {
		e := b[ifd+2+i*12 : ifd+2+i*12+12]
		switch bo.Uint16(e) {
		case 0x011A:
			if x, problem = rational(e); problem != "" {
				return
			}
		case 0x011B:
			if y, problem = rational(e); problem != "" {
				return
			}
		case 0x0128:
			if bo.Uint16(e[2:]) == 3 {
				unit = bo.Uint16(e[8:])
			}
		case 0x0112:
			if bo.Uint16(e[2:]) == 3 {
				if v := int(bo.Uint16(e[8:])); v >= 1 && v <= 8 {
					orient = v
				}
			}
		}
	}
	return x, y, unit, orient, ""
}

func (in *inspector) png() (Info, error) {
	info := Info{Format: PNG}
	hdr := in.hdr[:]
	if err := in.read(hdr, "IHDR chunk"); err != nil {
		return info, err
	}
	if binary.BigEndian.Uint32(hdr[8:]) != 13 || string(hdr[12:16]) != "IHDR" {
		return info, in.fail("IHDR chunk (not first, or not 13 bytes)", ErrMalformed)
	}
	if crc32.ChecksumIEEE(hdr[12:29]) != binary.BigEndian.Uint32(hdr[29:]) {
		return info, in.fail("IHDR CRC", ErrMalformed)
	}
	w, h := binary.BigEndian.Uint32(hdr[16:]), binary.BigEndian.Uint32(hdr[20:])
	if w == 0 || h == 0 || w > math.MaxInt32 || h > math.MaxInt32 {
		return info, in.fail("IHDR dimensions", ErrMalformed)
	}
	info.Width, info.Height, info.BitDepth = int(w), int(h), int(hdr[24])
	switch ct := hdr[25]; ct {
	case 0:
		info.Colour, info.Components = Greyscale, 1
	case 4:
		info.Colour, info.Components = Greyscale, 2
	case 2:
		info.Colour, info.Components = Colour, 3
	case 6:
		info.Colour, info.Components = Colour, 4
	case 3:
		info.Colour, info.Components = Palette, 1
	default:
		return info, in.fail(fmt.Sprintf("IHDR colour type %d", ct), ErrMalformed)
	}
	if !slices.Contains([]int{1, 2, 4, 8, 16}, info.BitDepth) {
		return info, in.fail(fmt.Sprintf("IHDR bit depth %d", info.BitDepth), ErrMalformed)
	}
	for chunks := 0; ; chunks++ {
		if chunks > 100000 {
			return info, in.fail("too many chunks before IDAT", ErrMalformed)
		}
		ch := in.ch[:]
		if err := in.read(ch, "chunk header"); err != nil {
			return info, err
		}
		l := int64(binary.BigEndian.Uint32(ch[:]))
		typ := string(ch[4:8])
		if l > math.MaxInt32 {
			return info, in.fail("chunk "+printable(typ)+" length", ErrMalformed)
		}
		switch typ {
		case "IDAT":
			// Header done: the IDAT payload is counted with the rest.
			in.tail.Write(ch) // keep alignment of the window with the file
			if err := in.count(&info); err != nil {
				return info, err
			}
			info.Size = in.off
			t := in.tail.bytes()
			end := []byte("\x00\x00\x00\x00IEND\xae\x42\x60\x82")
			if i := bytes.Index(t, end); i >= 0 {
				info.Trailing = int64(len(t) - i - len(end))
				if info.Trailing > 0 {
					info.Appended = sniffAppended(t[i+len(end):])
				}
			} else {
				in.noEndMarker(&info, t)
			}
			return info, nil
		case "IEND":
			return info, in.fail("IEND before any IDAT", ErrMalformed)
		case "pHYs":
			if l != 9 {
				return info, in.fail("pHYs length", ErrMalformed)
			}
			p := in.ph[:]
			if err := in.read(p, "pHYs chunk"); err != nil {
				return info, err
			}
			crc := crc32.Update(crc32.ChecksumIEEE(ch[4:8]), crc32.IEEETable, p[:9])
			if crc != binary.BigEndian.Uint32(p[9:]) {
				return info, in.fail("pHYs CRC", ErrMalformed)
			}
			if p[8] == 1 {
				x, y := binary.BigEndian.Uint32(p[0:]), binary.BigEndian.Uint32(p[4:])
				if x > 0 && y > 0 {
					info.DPIX, info.DPIY, info.DPISource = float64(x)*0.0254, float64(y)*0.0254, PHYs
				}
			}
		default:
			for _, c := range ch[4:8] {
				if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
					return info, in.fail("chunk type", ErrMalformed)
				}
			}
			if err := in.discard(l+4, ""); err != nil {
				err.(*InspectError).Part = "chunk " + typ
				return info, err
			}
		}
	}
}

func printable(s string) string {
	for _, c := range []byte(s) {
		if c < 0x20 || c > 0x7E {
			return fmt.Sprintf("%q", s)
		}
	}
	return s
}

// tailBuf counts what is written to it and keeps the last len(buf) bytes.
type tailBuf struct {
	buf  []byte
	pos  int
	full bool
}

func (t *tailBuf) reset() { t.pos, t.full = 0, false }

func (t *tailBuf) Write(p []byte) (int, error) {
	n := len(p)
	if n >= len(t.buf) {
		copy(t.buf, p[n-len(t.buf):])
		t.pos, t.full = 0, true
		return n, nil
	}
	k := copy(t.buf[t.pos:], p)
	if k < n {
		copy(t.buf, p[k:])
		t.full = true
	}
	t.pos = (t.pos + n) % len(t.buf)
	if t.pos == 0 && n > 0 {
		t.full = true
	}
	return n, nil
}

// bytes returns the kept bytes in order (rotating the buffer in place).
func (t *tailBuf) bytes() []byte {
	if !t.full {
		return t.buf[:t.pos]
	}
	if t.pos != 0 {
		slices.Reverse(t.buf[:t.pos])
		slices.Reverse(t.buf[t.pos:])
		slices.Reverse(t.buf)
		t.pos = 0
	}
	return t.buf
}
