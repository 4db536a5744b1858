package material

import (
	"encoding/binary"
	"fmt"
)

// gif walks a GIF's blocks (extensions and images, each a run of
// sub-blocks) to the trailer. The size is the logical screen's, as in
// image/gif.DecodeConfig.
func (in *inspector) gif(info *Info) error {
	if !in.need(13) {
		return in.fail("logical screen descriptor", ErrTruncated)
	}
	h := in.buf[in.r : in.r+13]
	info.Width = int(binary.LittleEndian.Uint16(h[6:]))
	info.Height = int(binary.LittleEndian.Uint16(h[8:]))
	flags := h[10]
	info.Colour, info.Components, info.BitDepth = Palette, 1, int(flags&7)+1
	in.r += 13
	if flags&0x80 != 0 && !in.skip(3<<(flags&7+1)) {
		return in.fail("global colour table", ErrTruncated)
	}
	images := 0
	// stop handles the end of the input: an error before the first image,
	// Truncated or EndMissing after it.
	stop := func(part string, clean bool) error {
		if images == 0 {
			return in.fail(part, ErrTruncated)
		}
		info.endedEarly(clean)
		return nil
	}
	for {
		if !in.need(1) {
			return stop("block", true)
		}
		c := in.buf[in.r]
		in.r++
		switch c {
		case 0x3B: // trailer
			in.end(info)
			return nil
		case 0x21: // extension: a label, then sub-blocks
			if !in.need(1) {
				return stop("extension", false)
			}
			in.r++
			if !in.subBlocks() {
				return stop("extension", false)
			}
		case 0x2C: // image descriptor
			if !in.need(9) {
				return stop("image descriptor", false)
			}
			f := in.buf[in.r+8]
			in.r += 9
			if f&0x80 != 0 && !in.skip(3<<(f&7+1)) {
				return stop("local colour table", false)
			}
			// From here on the image has begun: the end of the input is
			// Truncated, not an error.
			images++
			if !in.need(1) {
				return stop("image data", false)
			}
			in.r++ // LZW minimum code size
			if !in.subBlocks() {
				return stop("image data", false)
			}
		default:
			in.r--
			return in.fail(fmt.Sprintf("block introducer %02X", c), ErrMalformed)
		}
	}
}

// subBlocks consumes sub-blocks up to and including the empty one.
func (in *inspector) subBlocks() bool {
	for {
		if in.avail() == 0 && !in.need(1) {
			return false
		}
		n := int(in.buf[in.r])
		if n == 0 {
			in.r++
			return true
		}
		if in.r+1+n <= in.w {
			in.r += 1 + n
			continue
		}
		if !in.skip(int64(1 + n)) {
			return false
		}
	}
}
