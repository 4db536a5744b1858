package material_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io"

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
	for _, p := range material.Alibaba.Spec(material.IDCardFront).Check(info) {
		fmt.Println(p.Code, p.Params)
	}
	pdf, _ := material.Inspect(bytes.NewReader([]byte("%PDF-1.7\n%%EOF\n")))
	for _, p := range material.DefaultSpec(material.BusinessLicense).Check(pdf) {
		fmt.Println(p.Code, p.Params)
	}
	// Output:
	// material.pixels_low map[height:500 min_height:638 min_width:1012 width:800]
	// material.format map[got:pdf want:jpeg,png,gif]
}

func ExampleDefaultSpec() {
	s := material.DefaultSpec(material.IDCardFront)
	fmt.Println(s.Formats, s.MaxBytes, s.MinDPI, s.Colour)
	a := material.Alibaba.Spec(material.IDCardFront)
	fmt.Println(a.Formats, a.MaxBytes, a.MinDPI, a.MinWidth, a.MinHeight)
	t := material.Tencent.Spec(material.IDCardFront)
	fmt.Println(t.Formats, t.MinBytes, t.MaxBytes, t.Source)
	// Output:
	// [jpeg png gif] 8388608 0 true
	// [jpeg png] 4000000 300 1012 638
	// [jpeg png gif] 204800 8000000 TC-upload
}

// A PNG with an HTML page behind it: both halves open in their own
// programs, and Inspect says exactly where the image ends.
func ExampleInspect_polyglot() {
	page := "<html><script>alert(1)</script></html>"
	info, err := material.Inspect(bytes.NewReader(append(scan(40, 30), page...)))
	fmt.Println(info.Format, info.Trailing, info.Appended, err)
	for _, p := range material.DefaultSpec(material.IDCardFront).Check(info) {
		fmt.Println(p.Code, p.Params)
	}
	// Output:
	// png 38 html <nil>
	// material.trailing_data map[appended:html bytes:38]
}

func ExampleMaxRead() {
	endless := io.MultiReader(bytes.NewReader([]byte("%PDF-1.7\n")), zeros{})
	info, err := material.Inspect(endless, material.MaxRead(1<<20))
	fmt.Println(info.Format, errors.Is(err, material.ErrTooLarge))
	// Output: pdf true
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func ExampleNewProfile() {
	// Huawei's rules, but GIF accepted as well.
	mine := material.NewProfile("mine", "HW-mat; our own GIF rule", func(k material.Kind) material.Spec {
		s := material.Huawei.Spec(k)
		s.Formats = append(s.Formats, material.GIF)
		return s
	})
	fmt.Println(mine.Name(), mine.Spec(material.IDCardFront).Formats, material.Huawei.Spec(material.IDCardFront).Formats)
	// Output: mine [jpeg png gif] [jpeg png]
}
