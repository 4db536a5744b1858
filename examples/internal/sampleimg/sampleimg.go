// Package sampleimg makes the sample material images of the examples in
// memory, so that the repository holds no binary fixtures.
package sampleimg

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
)

// PNG returns a w × h PNG of one colour (greyscale when grey, else a
// two-colour palette) with a pHYs chunk recording dpi.
func PNG(w, h, dpi int, grey bool) []byte {
	var img image.Image
	if grey {
		g := image.NewGray(image.Rect(0, 0, w, h))
		for i := range g.Pix {
			g.Pix[i] = 0xE0
		}
		img = g
	} else {
		// A two-colour palette: a colour image that encodes fast.
		img = image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.RGBA{0xE8, 0xF0, 0xFF, 0xFF}, color.RGBA{0xC0, 0x20, 0x20, 0xFF}})
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, img); err != nil {
		panic(err)
	}
	ppm := uint32(float64(dpi)/0.0254 + 0.5)
	d := binary.BigEndian.AppendUint32(nil, ppm)
	d = binary.BigEndian.AppendUint32(d, ppm)
	d = append(d, 1)
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(d)))
	chunk = append(append(chunk, "pHYs"...), d...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	p := b.Bytes()
	out := append([]byte(nil), p[:33]...)
	out = append(out, chunk...)
	return append(out, p[33:]...)
}
