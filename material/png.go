package material

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
)

// png walks a PNG's chunks by their lengths, verifying each CRC, to IEND.
// On a seekable input long IDAT chunks are skipped, not read.
func (in *inspector) png(info *Info) error {
	if !in.need(33) {
		return in.fail("IHDR chunk", ErrTruncated)
	}
	hdr := in.buf[in.r : in.r+33]
	if binary.BigEndian.Uint32(hdr[8:]) != 13 || string(hdr[12:16]) != "IHDR" {
		return in.fail("IHDR chunk (not first, or not 13 bytes)", ErrMalformed)
	}
	if crc32.ChecksumIEEE(hdr[12:29]) != binary.BigEndian.Uint32(hdr[29:]) {
		return in.fail("IHDR CRC", ErrMalformed)
	}
	w, h := binary.BigEndian.Uint32(hdr[16:]), binary.BigEndian.Uint32(hdr[20:])
	if w == 0 || h == 0 || w > math.MaxInt32 || h > math.MaxInt32 {
		return in.fail("IHDR dimensions", ErrMalformed)
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
		return in.fail(fmt.Sprintf("IHDR colour type %d", ct), ErrMalformed)
	}
	switch info.BitDepth {
	case 1, 2, 4, 8, 16:
	default:
		return in.fail(fmt.Sprintf("IHDR bit depth %d", info.BitDepth), ErrMalformed)
	}
	in.r += 33
	in.readCap = 16 << 10 // reads that stay in the L1 cache while summed
	if in.seeker != nil {
		// Small reads, so that what lies between two seeks over IDAT
		// chunks is not read in vain.
		in.readCap = 1 << 10
	}
	var idat, afterIDAT bool
	// stop handles the end of the input: an error before the image data,
	// Truncated or EndMissing after it.
	stop := func(part string, clean bool) error {
		if !idat {
			return in.fail(part, ErrTruncated)
		}
		info.swapForOrientation()
		info.endedEarly(clean)
		return nil
	}
	for {
		if !in.need(8) {
			return stop("chunk header", in.avail() == 0)
		}
		ch := in.buf[in.r : in.r+8]
		l := int64(binary.BigEndian.Uint32(ch))
		typ := &in.typ
		copy(typ[:], ch[4:])
		if l > math.MaxInt32 {
			return in.fail("chunk "+printable(typ[:])+" length", ErrMalformed)
		}
		for _, c := range typ {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				return in.fail("chunk type "+printable(typ[:]), ErrMalformed)
			}
		}
		in.r += 8
		crc := crc32.ChecksumIEEE(typ[:])
		checked := true
		switch string(typ[:]) {
		case "IHDR":
			return in.fail("second IHDR", ErrMalformed)
		case "IDAT":
			if afterIDAT {
				return in.fail("IDAT after other chunks that follow IDAT", ErrMalformed)
			}
			idat = true
			if in.seeker != nil && l-int64(in.avail()) >= seekMin {
				if !in.skip(l) {
					return stop("IDAT chunk", false)
				}
				checked = false
			} else if crc, checked = in.crcSkip(l, crc); !checked {
				return stop("IDAT chunk", false)
			}
		case "IEND":
			if !idat {
				return in.fail("IEND before any IDAT", ErrMalformed)
			}
			if l != 0 {
				return in.fail("IEND length", ErrMalformed)
			}
		case "pHYs":
			if l != 9 {
				return in.fail("pHYs length", ErrMalformed)
			}
			if !in.need(9) {
				return stop("pHYs chunk", false)
			}
			p := in.buf[in.r : in.r+9]
			if p[8] == 1 {
				x, y := binary.BigEndian.Uint32(p[0:]), binary.BigEndian.Uint32(p[4:])
				if x > 0 && y > 0 {
					info.DPIX, info.DPIY, info.DPISource = float64(x)*0.0254, float64(y)*0.0254, PHYs
				}
			}
			crc = crc32.Update(crc, crc32.IEEETable, p)
			in.r += 9
		case "eXIf":
			k := int(min(l, bufSize-8))
			if !in.need(k) {
				return stop("eXIf chunk", false)
			}
			p := in.buf[in.r : in.r+k]
			if info.Orientation == 0 && info.EXIFError == "" {
				_, _, _, orient, problem := parseEXIF(p)
				if problem != "" {
					info.EXIFError = fmt.Sprintf("eXIf at offset %d: %s", in.off()-8, problem)
				} else {
					info.Orientation = orient
				}
			}
			crc = crc32.Update(crc, crc32.IEEETable, p)
			in.r += k
			if crc, checked = in.crcSkip(l-int64(k), crc); !checked {
				return stop("eXIf chunk", false)
			}
		default:
			if crc, checked = in.crcSkip(l, crc); !checked {
				return stop("chunk "+string(typ[:]), false)
			}
		}
		if idat && string(typ[:]) != "IDAT" {
			afterIDAT = true
		}
		if !in.need(4) {
			return stop("chunk "+string(typ[:])+" CRC", false)
		}
		if checked && crc != binary.BigEndian.Uint32(in.buf[in.r:]) {
			return in.fail("chunk "+string(typ[:])+" CRC", ErrMalformed)
		}
		in.r += 4
		if string(typ[:]) == "IEND" {
			info.swapForOrientation()
			in.end(info)
			return nil
		}
	}
}

// crcSkip consumes n bytes, adding them to crc. It reports false when the
// input ends first.
func (in *inspector) crcSkip(n int64, crc uint32) (uint32, bool) {
	for n > 0 {
		if in.avail() == 0 {
			in.drop()
			if !in.fill() {
				return crc, false
			}
		}
		k := int(min(n, int64(in.avail())))
		crc = crcUpdate(crc, in.buf[in.r:in.r+k], &in.crcFold)
		in.r += k
		n -= int64(k)
	}
	return crc, true
}

func printable(b []byte) string {
	for _, c := range b {
		if c < 0x20 || c > 0x7E {
			return fmt.Sprintf("%q", b)
		}
	}
	return string(b)
}
