package icptest

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/jpeg"
	"math"
	"slices"

	"github.com/icpkit/icpkit/material"
)

// Image describes a JPEG or PNG file for [JPEG] and [PNG] to build, with
// the properties [material.Inspect] reads back: the zero Image is a
// 64×48 colour image that records no resolution.
type Image struct {
	// Width and Height are the pixel size as displayed, after the EXIF
	// orientation: what Inspect reports. 0 means 64 and 48.
	Width, Height int
	// DPI is the resolution recorded in the file; 0 records none.
	DPI int
	// DPISource is where the resolution is recorded: [material.JFIF]
	// (the JPEG default) or [material.EXIF] for a JPEG, [material.PHYs]
	// for a PNG (its only choice).
	DPISource material.DPISource
	// Orientation is the EXIF orientation, 1 to 8 (JPEG only); 0 writes no
	// tag. With 5 to 8 the pixels are stored turned, Height × Width.
	Orientation int
	// Colour is the colour model: [material.Colour] (the default),
	// [material.Greyscale], or [material.Palette] (PNG only, a two-colour
	// palette of bit depth 1, which keeps huge images small).
	Colour material.ColourModel
	// MinBytes pads the file inside its header (JPEG COM segments, a PNG
	// tEXt chunk) to at least this many bytes, not counting Appended:
	// exactly this many unless the image alone comes within 3 bytes (JPEG)
	// or 20 bytes (PNG) of it.
	MinBytes int
	// Appended is written after the end marker (EOI, IEND): a polyglot
	// such as a ZIP or HTML file, or padding.
	Appended []byte
	// Truncated cuts the file inside its image data, as an interrupted
	// upload does: a JPEG without the end of its scan's EOI, a PNG inside
	// its IDAT chunk.
	Truncated bool
	// EndMissing (PNG only) leaves out the IEND chunk after complete image
	// data: what material.Inspect reports as [material.Info.EndMissing].
	EndMissing bool
	// BrokenEXIF (JPEG only) writes an EXIF block whose TIFF header is
	// garbage, in an image that decodes fine.
	BrokenEXIF bool
}

func (im Image) size() (w, h int) {
	w, h = im.Width, im.Height
	if w <= 0 {
		w = 64
	}
	if h <= 0 {
		h = 48
	}
	return w, h
}

// JPEG returns a baseline JPEG encoded by image/jpeg with the properties of
// im: its pixel size, a JFIF APP0 or EXIF APP1 segment for the resolution
// and the orientation, one (greyscale) or three (colour) components,
// padding, appended bytes or a cut end. The picture is a light page with a
// darker band, or, from a quarter megapixel on, a blank light page (written
// without running the encoder over every pixel), so that it compresses
// well at any size. JPEG panics on a
// palette colour model or a PHYs resolution source, which JPEG has not.
func JPEG(im Image) []byte {
	if im.Colour == material.Palette || im.DPISource == material.PHYs {
		panic("icptest: JPEG has no palette and no pHYs chunk")
	}
	w, h := im.size()
	sw, sh := w, h
	if im.Orientation >= 5 && im.Orientation <= 8 {
		sw, sh = h, w
	}
	grey := im.Colour == material.Greyscale
	var enc []byte
	if sw*sh < 1<<18 {
		enc = encodeJPEG(sw, sh, grey)
	} else {
		// Large scans are blank pages, written directly and shared:
		// variants differ only in their header segments and ends.
		enc = cached(fmt.Sprintf("jpeg/%dx%d/%v", sw, sh, grey), func() []byte { return uniformJPEG(sw, sh, grey) })
	}
	out := append(make([]byte, 0, len(enc)+max(im.MinBytes-len(enc), 0)+len(im.Appended)+256), enc[:2]...)
	switch {
	case im.DPI > 0 && im.DPISource != material.EXIF:
		out = append(out, jfif(im.DPI)...)
	}
	if im.Orientation != 0 || im.DPI > 0 && im.DPISource == material.EXIF {
		dpi := 0
		if im.DPISource == material.EXIF {
			dpi = im.DPI
		}
		out = append(out, exif(dpi, im.Orientation)...)
	}
	if im.BrokenEXIF {
		out = append(out, segment(0xE1, []byte("Exif\x00\x00XX\x00\x00garbage"))...)
	}
	need := im.MinBytes - (len(out) + len(enc) - 2)
	if im.Truncated {
		need += 2
	}
	if need > 0 && need < 4 {
		need = 4
	}
	for need > 0 {
		n := min(need, 0xFFFF+2)
		if r := need - n; r > 0 && r < 4 {
			n -= 4
		}
		out = append(out, segment(0xFE, make([]byte, n-4))...)
		need -= n
	}
	out = append(out, enc[2:]...)
	if im.Truncated {
		out = out[:len(out)-2] // drop the EOI
	}
	return append(out, im.Appended...)
}

// encodeJPEG encodes a w × h light page with a darker band, in colour
// (YCbCr 4:2:0) or greyscale, at quality 80.
func encodeJPEG(w, h int, grey bool) []byte {
	var src image.Image
	band := func(y int) bool { return y >= h/8 && y < h/8+max(h/16, 1) }
	if grey {
		g := image.NewGray(image.Rect(0, 0, w, h))
		for y := range h {
			v := byte(235)
			if band(y) {
				v = 90
			}
			row := g.Pix[y*g.Stride : y*g.Stride+w]
			for x := range row {
				row[x] = v
			}
		}
		src = g
	} else {
		c := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
		for y := range h {
			v := byte(235)
			if band(y) {
				v = 80
			}
			row := c.Y[y*c.YStride : y*c.YStride+w]
			for x := range row {
				row[x] = v
			}
		}
		for i := range c.Cb {
			c.Cb[i], c.Cr[i] = 120, 135
		}
		src = c
	}
	return jpegBytes(src)
}

// uniformJPEG returns a w × h JPEG of one light colour (or grey) without
// running the encoder over every pixel: image/jpeg encodes one MCU of the
// colour, whose header and first MCU are kept, and every further MCU of a
// uniform image is the same bit pattern (DC difference 0, then EOB, in the
// Annex K tables image/jpeg uses): 00 1010 per luminance block and 00 00
// per chrominance block. The result decodes to the same image as encoding
// all of it would, in a fraction of the time.
func uniformJPEG(w, h int, grey bool) []byte {
	mcu := 16 // 4:2:0
	if grey {
		mcu = 8
	}
	small := encodeUniform(mcu, mcu, grey)
	// The header ends after the SOS segment; the scan runs to the EOI.
	sos := bytes.Index(small, []byte{0xFF, 0xDA})
	hdrEnd := sos + 2 + int(binary.BigEndian.Uint16(small[sos+2:]))
	header := append([]byte(nil), small[:hdrEnd]...)
	sof := bytes.Index(header, []byte{0xFF, 0xC0})
	binary.BigEndian.PutUint16(header[sof+5:], uint16(h))
	binary.BigEndian.PutUint16(header[sof+7:], uint16(w))
	// The first MCU's bits: the scan unstuffed, without its 1-bit padding
	// (the MCU ends with an EOB, whose code ends in 0).
	var bits []byte // one byte per bit
	scan := small[hdrEnd : len(small)-2]
	for i := 0; i < len(scan); i++ {
		for k := 7; k >= 0; k-- {
			bits = append(bits, scan[i]>>k&1)
		}
		if scan[i] == 0xFF {
			i++ // a stuffed 0x00
		}
	}
	for len(bits) > 0 && bits[len(bits)-1] == 1 {
		bits = bits[:len(bits)-1]
	}
	rest := []byte{0, 0, 1, 0, 1, 0} // luminance: DC 0, EOB
	if !grey {
		rest = slices.Repeat(rest, 4)
		rest = append(rest, 0, 0, 0, 0, 0, 0, 0, 0) // Cb and Cr: DC 0, EOB
	}
	n := ((w + mcu - 1) / mcu) * ((h + mcu - 1) / mcu)
	out := bytes.NewBuffer(header)
	out.Grow(n * len(rest) / 8)
	var acc byte
	nacc := 0
	put := func(b byte) {
		acc = acc<<1 | b
		if nacc++; nacc == 8 {
			out.WriteByte(acc)
			if acc == 0xFF {
				out.WriteByte(0)
			}
			acc, nacc = 0, 0
		}
	}
	for _, b := range bits {
		put(b)
	}
	for range n - 1 {
		for _, b := range rest {
			put(b)
		}
	}
	for nacc != 0 {
		put(1)
	}
	out.Write([]byte{0xFF, 0xD9})
	return out.Bytes()
}

// encodeUniform encodes a w × h image of the light page colour.
func encodeUniform(w, h int, grey bool) []byte {
	var src image.Image
	if grey {
		g := image.NewGray(image.Rect(0, 0, w, h))
		for i := range g.Pix {
			g.Pix[i] = 235
		}
		src = g
	} else {
		c := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
		for i := range c.Y {
			c.Y[i] = 235
		}
		for i := range c.Cb {
			c.Cb[i], c.Cr[i] = 120, 135
		}
		src = c
	}
	return jpegBytes(src)
}

// jpegBytes encodes img at quality 80; an in-memory encoder only fails on
// a bug.
func jpegBytes(img image.Image) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		panic("icptest: JPEG: " + err.Error())
	}
	return b.Bytes()
}

// segment returns a JPEG marker segment with payload.
func segment(marker byte, payload []byte) []byte {
	s := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(s[2:], uint16(len(payload)+2))
	return append(s, payload...)
}

// jfif returns an APP0 JFIF segment recording dpi dots per inch.
func jfif(dpi int) []byte {
	d := uint16(min(dpi, math.MaxUint16))
	return segment(0xE0, []byte{'J', 'F', 'I', 'F', 0, 1, 2, 1, byte(d >> 8), byte(d), byte(d >> 8), byte(d), 0, 0})
}

// exif returns an APP1 EXIF segment (little-endian TIFF) with the
// resolution in dots per inch (when dpi > 0) and the orientation (when
// not 0).
func exif(dpi, orientation int) []byte {
	type entry struct {
		tag, typ uint16
		count    uint32
		value    uint32
	}
	var es []entry
	const ifd0 = 8
	n := 0
	if dpi > 0 {
		n += 3
	}
	if orientation != 0 {
		n++
	}
	data := uint32(ifd0 + 2 + 12*n + 4) // rationals follow the IFD
	if orientation != 0 {
		es = append(es, entry{0x0112, 3, 1, uint32(orientation)})
	}
	if dpi > 0 {
		es = append(es, entry{0x011A, 5, 1, data}, entry{0x011B, 5, 1, data + 8}, entry{0x0128, 3, 1, 2})
	}
	le := binary.LittleEndian
	t := []byte{'I', 'I', 42, 0, ifd0, 0, 0, 0}
	t = le.AppendUint16(t, uint16(len(es)))
	for _, e := range es {
		t = le.AppendUint16(t, e.tag)
		t = le.AppendUint16(t, e.typ)
		t = le.AppendUint32(t, e.count)
		t = le.AppendUint32(t, e.value) // SHORT values sit in the low bytes
	}
	t = le.AppendUint32(t, 0) // no next IFD
	if dpi > 0 {
		for range 2 {
			t = le.AppendUint32(t, uint32(dpi))
			t = le.AppendUint32(t, 1)
		}
	}
	return segment(0xE1, append([]byte("Exif\x00\x00"), t...))
}

// PNG returns a PNG with the properties of im: colour type 2 (RGB),
// 0 (greyscale) or 3 (a two-colour palette, bit depth 1), a pHYs chunk
// for the resolution (in pixels per metre, which Inspect rounds back to
// im.DPI), a tEXt chunk for padding, appended bytes or a cut end. Rows are
// written one at a time, so that even a 10 000 × 10 000 palette image is
// built in a few megabytes. PNG panics on a JFIF or EXIF resolution source
// or an orientation, which PNG has not.
func PNG(im Image) []byte {
	if im.DPISource == material.JFIF || im.DPISource == material.EXIF || im.Orientation != 0 {
		panic("icptest: PNG has neither JFIF, EXIF nor an orientation")
	}
	w, h := im.size()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ct, depth, rowBytes := byte(2), byte(8), 3*w
	switch im.Colour {
	case material.Greyscale:
		ct, rowBytes = 0, w
	case material.Palette:
		ct, depth, rowBytes = 3, 1, (w+7)/8
	}
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, depth, ct, 0, 0, 0)
	chunk(&b, "IHDR", ihdr)
	if ct == 3 {
		chunk(&b, "PLTE", []byte{240, 240, 235, 40, 60, 120})
	}
	if im.DPI > 0 {
		ppm := uint32(math.Round(float64(im.DPI) / 0.0254))
		p := binary.BigEndian.AppendUint32(nil, ppm)
		p = binary.BigEndian.AppendUint32(p, ppm)
		chunk(&b, "pHYs", append(p, 1))
	}
	var idat bytes.Buffer
	z, _ := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	row := make([]byte, 1+rowBytes)
	band := make([]byte, 1+rowBytes)
	for i := 1; i < len(row); i++ {
		row[i], band[i] = 235, 80
		if ct == 3 {
			row[i], band[i] = 0, 0xFF
		}
	}
	for y := range h {
		r := row
		if y >= h/8 && y < h/8+max(h/16, 1) {
			r = band
		}
		z.Write(r)
	}
	z.Close()
	// Padding: a tEXt chunk costs 12 bytes of framing plus its keyword.
	const key = "Comment\x00"
	end := 12 // IEND
	if im.Truncated || im.EndMissing {
		end = 0
	}
	if need := im.MinBytes - (b.Len() + idat.Len() + 12 + end); need > 0 {
		chunk(&b, "tEXt", append([]byte(key), bytes.Repeat([]byte{' '}, max(need-12-len(key), 0))...))
	}
	chunk(&b, "IDAT", idat.Bytes())
	switch {
	case im.Truncated:
		b.Truncate(b.Len() - 8) // inside the IDAT chunk: its CRC and last bytes
	case !im.EndMissing:
		chunk(&b, "IEND", nil)
	}
	b.Write(im.Appended)
	return b.Bytes()
}

// chunk writes one PNG chunk with its CRC.
func chunk(b *bytes.Buffer, typ string, data []byte) {
	var hdr [8]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(data)))
	copy(hdr[4:], typ)
	b.Write(hdr[:])
	b.Write(data)
	crc := crc32.NewIEEE()
	crc.Write(hdr[4:])
	crc.Write(data)
	binary.Write(b, binary.BigEndian, crc.Sum32())
}

// MP4 returns the start of an MP4 file (an ftyp box of brand isom and an
// empty mdat box), padded with a free box to at least minBytes: enough for
// [material.Inspect] to name it [material.MP4], as the commitment video
// must be. It is not a playable video.
func MP4(minBytes int) []byte {
	b := []byte{0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'}
	if pad := minBytes - len(b) - 8; pad > 0 {
		free := binary.BigEndian.AppendUint32(nil, uint32(8+pad))
		free = append(free, "free"...)
		b = append(append(b, free...), make([]byte, pad)...)
	}
	return append(b, 0, 0, 0, 8, 'm', 'd', 'a', 't')
}
