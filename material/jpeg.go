package material

import (
	"encoding/binary"
	"fmt"
)

// jpegMeta is what the marker segments say about resolution.
type jpegMeta struct {
	jfifUnit     byte
	jfifX, jfifY uint16
	exifX, exifY float64
	exifUnit     uint16
	exifSeen     bool
}

// jpeg walks a JPEG from its SOI to the EOI that ends the last scan: marker
// segments by their lengths, entropy-coded data by scanning for markers.
func (in *inspector) jpeg(info *Info) error {
	in.r += 2                     // SOI, seen by run
	in.readCap = 16 << 10         // reads that stay in the L1 cache while scanned
	meta := jpegMeta{exifUnit: 2} // TIFF default: inch
	var (
		haveSOF bool
		scans   int
		inScan  bool // the next bytes are entropy-coded data
	)
	// stop handles the end of the input: an error before the first scan,
	// Truncated or EndMissing after it.
	stop := func(part string, clean bool) error {
		if scans == 0 {
			return in.fail(part, ErrTruncated)
		}
		in.finishJPEG(info, &meta)
		info.endedEarly(clean)
		return nil
	}
	for {
		var m byte
		if inScan {
			c, ok := in.scan()
			if !ok {
				return stop("image data", false)
			}
			m, inScan = c, false
		} else {
			if !in.need(1) {
				return stop("marker", true)
			}
			if c := in.buf[in.r]; c != 0xFF {
				return in.fail(fmt.Sprintf("marker (byte %02X where FF was expected)", c), ErrMalformed)
			}
			if !in.skipFF() {
				return stop("marker", false)
			}
			m = in.buf[in.r]
			in.r++
		}
		switch {
		case m == 0xD9:
			if scans == 0 {
				return in.fail("EOI before the image data", ErrMalformed)
			}
			in.finishJPEG(info, &meta)
			in.end(info)
			return nil
		case m == 0xD8:
			return in.fail("second SOI", ErrMalformed)
		case m >= 0xD0 && m <= 0xD7 || m == 0x01:
			continue // standalone markers
		case m == 0x00:
			return in.fail("marker FF00 outside the image data", ErrMalformed)
		case m < 0xC0:
			return in.fail(fmt.Sprintf("reserved marker FF%02X", m), ErrMalformed)
		}
		if !in.need(2) {
			return stop(markerName(m)+" length", false)
		}
		l := int(binary.BigEndian.Uint16(in.buf[in.r:]))
		if l < 2 {
			return in.fail(markerName(m)+" length", ErrMalformed)
		}
		in.r += 2
		n := l - 2
		switch {
		case m == 0xE0: // APP0
			k := min(n, 14)
			if !in.need(k) {
				return stop("APP0 segment", false)
			}
			if seg := in.buf[in.r : in.r+k]; k >= 12 && string(seg[:5]) == "JFIF\x00" && meta.jfifX == 0 {
				meta.jfifUnit = seg[7]
				meta.jfifX = binary.BigEndian.Uint16(seg[8:])
				meta.jfifY = binary.BigEndian.Uint16(seg[10:])
			}
		case m == 0xE1: // APP1: EXIF or XMP, read whole (at most 65533 bytes)
			if !in.need(n) {
				return stop("APP1 segment", false)
			}
			if seg := in.buf[in.r : in.r+n]; !meta.exifSeen && len(seg) >= 6 && string(seg[:4]) == "Exif" && seg[4] == 0 {
				meta.exifSeen = true
				x, y, unit, orient, problem := parseEXIF(seg[6:])
				if problem != "" {
					info.EXIFError = fmt.Sprintf("APP1 at offset %d: %s", in.off()-4, problem)
				} else {
					meta.exifX, meta.exifY, info.Orientation = x, y, orient
					if unit != 0 {
						meta.exifUnit = unit
					}
				}
			}
		case isSOF(m):
			if haveSOF {
				return in.fail("second frame header ("+markerName(m)+")", ErrMalformed)
			}
			if n < 6 {
				return in.fail(markerName(m)+" (too short for a frame header)", ErrMalformed)
			}
			if !in.need(6) {
				return stop(markerName(m), false)
			}
			seg := in.buf[in.r:]
			info.BitDepth = int(seg[0])
			info.Height = int(binary.BigEndian.Uint16(seg[1:]))
			info.Width = int(binary.BigEndian.Uint16(seg[3:]))
			info.Components = int(seg[5])
			if info.Width == 0 {
				return in.fail(markerName(m)+" (zero width)", ErrMalformed)
			}
			haveSOF = true
		case m == 0xDA: // SOS: entropy-coded data follows the header
			if !haveSOF {
				return in.fail("SOS before any frame header", ErrMalformed)
			}
		}
		if !in.skip(int64(n)) {
			return stop(markerName(m), false)
		}
		if m == 0xDA {
			scans++
			inScan = true
		}
	}
}

func markerName(m byte) string { return fmt.Sprintf("segment FF%02X", m) }

func isSOF(m byte) bool {
	return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC
}

// skipFF consumes a run of FF bytes, 32 at a time, leaving the first
// other byte unconsumed. It reports whether there is one.
func (in *inspector) skipFF() bool {
	for {
		b := in.buf[in.r:in.w]
		i := 0
		for ; i+32 <= len(b); i += 32 {
			le := binary.LittleEndian
			if le.Uint64(b[i:])&le.Uint64(b[i+8:])&le.Uint64(b[i+16:])&le.Uint64(b[i+24:]) != ^uint64(0) {
				break
			}
		}
		for ; i+8 <= len(b); i += 8 {
			if binary.LittleEndian.Uint64(b[i:]) != ^uint64(0) {
				break
			}
		}
		for i < len(b) && b[i] == 0xFF {
			i++
		}
		in.r += i
		if in.r < in.w {
			return true
		}
		if !in.fill() {
			return false
		}
	}
}

// scan consumes entropy-coded data up to the next marker other than RSTn
// and returns its code, consumed too. FF 00 (a stuffed FF) and FF D0–D7
// (restart markers) are data; a run of FF is fill before a marker.
func (in *inspector) scan() (byte, bool) {
	for {
		b := in.buf[in.r:in.w]
		i := findMarker(b)
		if i < 0 {
			// Keep a final FF: its next byte decides.
			if n := len(b); n > 0 && b[n-1] == 0xFF {
				in.r = in.w - 1
			} else {
				in.r = in.w
			}
			if !in.fill() {
				in.r = in.w
				return 0, false
			}
			continue
		}
		c := b[i+1]
		switch {
		case c&0xF8 == 0xD0: // RSTn
			in.r += i + 2
		case c == 0xFF:
			in.r += i
			if !in.skipFF() {
				return 0, false
			}
			c = in.buf[in.r]
			in.r++
			if c != 0 && c&0xF8 != 0xD0 {
				return c, true
			}
		default:
			in.r += i + 2
			return c, true
		}
	}
}

func (in *inspector) finishJPEG(info *Info, m *jpegMeta) {
	switch {
	case (m.jfifUnit == 1 || m.jfifUnit == 2) && m.jfifX > 0 && m.jfifY > 0:
		f := 1.0
		if m.jfifUnit == 2 {
			f = 2.54
		}
		info.DPIX, info.DPIY, info.DPISource = float64(m.jfifX)*f, float64(m.jfifY)*f, JFIF
	case m.exifX > 0 && m.exifY > 0 && (m.exifUnit == 2 || m.exifUnit == 3):
		f := 1.0
		if m.exifUnit == 3 {
			f = 2.54
		}
		info.DPIX, info.DPIY, info.DPISource = m.exifX*f, m.exifY*f, EXIF
	}
	switch info.Components {
	case 1:
		info.Colour = Greyscale
	case 3, 4:
		info.Colour = Colour
	}
	info.swapForOrientation()
}
