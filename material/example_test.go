package material_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"

	"github.com/icpkit/icpkit/material"
)

// scan returns a small PNG with a pHYs chunk saying 300 dpi (11811 pixels
// per metre).
func scan(w, h int) []byte {
	var b bytes.Buffer
	_ = png.Encode(&b, image.NewRGBA(image.Rect(0, 0, w, h)))
	d := binary.BigEndian.AppendUint32(nil, 11811)
	d = binary.BigEndian.AppendUint32(d, 11811)
	d = append(d, 1)
	c := binary.BigEndian.AppendUint32(nil, 9)
	c = append(append(c, "pHYs"...), d...)
	c = binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
	p := b.Bytes()
	return append(append(append([]byte(nil), p[:33]...), c...), p[33:]...)
}

func ExampleInspect() {
	info, err := material.Inspect(bytes.NewReader(scan(1100, 700)))
	if err != nil {
		fmt.Println(err)
		return
	}
	dpi, _ := info.DPI()
	fmt.Println(info.Format, info.Width, info.Height, dpi, info.DPISource, info.Colour)
	// Output: png 1100 700 300 phys colour
}

func ExampleInspect_errors() {
	_, err := material.Inspect(bytes.NewReader([]byte("\x89PNG this is actually text")))
	fmt.Println(err)
	fmt.Println(errors.Is(err, material.ErrMalformed))
	// Output:
	// material: png: signature (only the first 4 of its 8 bytes match) at offset 0: malformed
	// true
}

func ExampleSpec_Check() {
	info, _ := material.Inspect(bytes.NewReader(scan(800, 500)))
	for _, p := range material.DefaultSpec(material.IDCardFront).Check(info) {
		fmt.Println(p.Code, p.Params)
	}
	pdf, _ := material.Inspect(bytes.NewReader([]byte("%PDF-1.7\n%%EOF\n")))
	for _, p := range material.DefaultSpec(material.BusinessLicense).Check(pdf) {
		fmt.Println(p.Code, p.Params)
	}
	// Output:
	// material.pixels_low map[height:500 min_height:638 min_width:1012 width:800]
	// material.format map[got:pdf want:jpeg,png]
}

func ExampleDefaultSpec() {
	s := material.DefaultSpec(material.IDCardFront)
	fmt.Println(s.Formats, s.MaxBytes, s.MinDPI, s.MinWidth, s.MinHeight, s.Colour)
	t := material.Tencent.Spec(material.IDCardFront)
	fmt.Println(t.Formats, t.MinBytes, t.MaxBytes, t.Source)
	// Output:
	// [jpeg png] 4194304 300 1012 638 true
	// [jpeg png gif] 200000 8388608 TC-upload
}
