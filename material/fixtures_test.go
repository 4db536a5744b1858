package material

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
)

// All fixtures are generated here with Go's encoders and hand-built
// segments; no binary file is copied from elsewhere.

func colourImage(w, h int, noise bool) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(1, 2))
	for y := range h {
		for x := range w {
			c := color.RGBA{uint8(x), uint8(y), uint8(x + y), 255}
			if noise {
				c = color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255}
			}
			img.Set(x, y, c)
		}
	}
	return img
}

func encodeJPEG(img image.Image, quality int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: quality}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// jpegWith inserts segments right after the SOI of a JPEG.
func jpegWith(base []byte, segs ...[]byte) []byte {
	out := append([]byte(nil), base[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, base[2:]...)
}

func segment(marker byte, payload []byte) []byte {
	s := []byte{0xFF, marker, 0, 0}
	binary.BigEndian.PutUint16(s[2:], uint16(len(payload)+2))
	return append(s, payload...)
}

func app0(unit byte, x, y uint16) []byte {
	p := []byte("JFIF\x00\x01\x02")
	p = append(p, unit, byte(x>>8), byte(x), byte(y>>8), byte(y), 0, 0)
	return segment(0xE0, p)
}

type exifOpts struct {
	bigEndian      bool
	xNum, xDen     uint32
	unit           uint16 // 0: absent
	orientation    uint16 // 0: absent
	ifdOffset      uint32 // 0: the usual 8
	resOffset      uint32 // 0: computed
	nextIFDSelf    bool   // a cycle: IFD0's next pointer points at IFD0
	truncateTIFFAt int    // 0: no truncation
}

func app1(o exifOpts) []byte {
	type order interface {
		binary.ByteOrder
		binary.AppendByteOrder
	}
	var bo order = binary.LittleEndian
	t := []byte("II*\x00")
	if o.bigEndian {
		bo, t = binary.BigEndian, []byte("MM\x00*")
	}
	ifd := o.ifdOffset
	if ifd == 0 {
		ifd = 8
	}
	t = bo.AppendUint32(t, ifd)
	type entry struct {
		tag, typ uint16
		count    uint32
		value    uint32
		short    bool
	}
	var es []entry
	n := uint32(2)
	if o.unit != 0 {
		n++
	}
	if o.orientation != 0 {
		n++
	}
	res := o.resOffset
	if res == 0 {
		res = 8 + 2 + n*12 + 4
	}
	es = append(es, entry{0x011A, 5, 1, res, false}, entry{0x011B, 5, 1, res, false})
	if o.unit != 0 {
		es = append(es, entry{0x0128, 3, 1, uint32(o.unit), true})
	}
	if o.orientation != 0 {
		es = append(es, entry{0x0112, 3, 1, uint32(o.orientation), true})
	}
	t = bo.AppendUint16(t, uint16(len(es)))
	for _, e := range es {
		t = bo.AppendUint16(t, e.tag)
		t = bo.AppendUint16(t, e.typ)
		t = bo.AppendUint32(t, e.count)
		if e.short {
			t = bo.AppendUint16(t, uint16(e.value))
			t = append(t, 0, 0)
		} else {
			t = bo.AppendUint32(t, e.value)
		}
	}
	if o.nextIFDSelf {
		t = bo.AppendUint32(t, ifd)
	} else {
		t = bo.AppendUint32(t, 0)
	}
	t = bo.AppendUint32(t, o.xNum)
	t = bo.AppendUint32(t, o.xDen)
	if o.truncateTIFFAt > 0 {
		t = t[:o.truncateTIFFAt]
	}
	return segment(0xE1, append([]byte("Exif\x00\x00"), t...))
}

func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func pngChunk(typ string, data []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	c = append(c, typ...)
	c = append(c, data...)
	return binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
}

// pngWith inserts chunks after IHDR (which ends at byte 33).
func pngWith(base []byte, chunks ...[]byte) []byte {
	out := append([]byte(nil), base[:33]...)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, base[33:]...)
}

func phys(x, y uint32, unit byte) []byte {
	d := binary.BigEndian.AppendUint32(nil, x)
	d = binary.BigEndian.AppendUint32(d, y)
	return pngChunk("pHYs", append(d, unit))
}

func zipBytes() []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, _ := w.Create("payload.html")
	_, _ = f.Write([]byte("<html><script>alert(1)</script></html>"))
	_ = w.Close()
	return b.Bytes()
}

func gifBytes() []byte {
	var b bytes.Buffer
	img := image.NewPaletted(image.Rect(0, 0, 4, 4), palette.Plan9)
	_ = gif.Encode(&b, img, nil)
	return b.Bytes()
}

// sof returns a baseline frame header declaring w × h with n components.
func sof(w, h uint16, n byte) []byte {
	p := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), n}
	for i := range n {
		p = append(p, i+1, 0x11, 0)
	}
	return segment(0xC0, p)
}

// minimalJPEG is SOI, the given segments, an SOS, a few data bytes and EOI.
func minimalJPEG(segs ...[]byte) []byte {
	b := []byte{0xFF, 0xD8}
	for _, s := range segs {
		b = append(b, s...)
	}
	b = append(b, segment(0xDA, []byte{1, 1, 0, 0, 63, 0})...)
	return append(b, 0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD9)
}
