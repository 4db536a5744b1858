package material

import (
	"bytes"
	"image"
	_ "image/jpeg"
	"sync"
	"testing"
)

// bigJPEG is a noisy 1448 × 1448 JPEG of about 4 MB with JFIF and EXIF
// metadata, built once.
var bigJPEG = sync.OnceValue(func() []byte {
	b := encodeJPEG(colourImage(1448, 1448, true), 100)
	return jpegWith(b, app0(1, 300, 300), app1(exifOpts{xNum: 300, xDen: 1}))
})

func TestBigJPEGSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 4 MB image")
	}
	n := len(bigJPEG())
	if n < 3<<20 || n > 6<<20 {
		t.Fatalf("benchmark fixture is %d bytes, want about 4 MB", n)
	}
}

var sinkInfo Info

func BenchmarkInspect4MB(b *testing.B) {
	data := bigJPEG()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var err error
		sinkInfo, err = Inspect(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
	}
}

// The standard library, for the ratio: DecodeConfig reads the header only
// (no dpi, no length, no trailing data); Decode decodes every pixel.
func BenchmarkDecodeConfig4MB(b *testing.B) {
	data := bigJPEG()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := image.DecodeConfig(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode4MB(b *testing.B) {
	data := bigJPEG()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInspectPNG(b *testing.B) {
	data := pngWith(basePNG, phys(11811, 11811, 1))
	b.ReportAllocs()
	for b.Loop() {
		sinkInfo, _ = Inspect(bytes.NewReader(data))
	}
}
