package material

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif"
	_ "image/jpeg"
	"image/png"
	"io"
	"math"
	"math/rand/v2"
	"sync"
	"testing"
	"time"
)

// onlyReader hides every method but Read (bytes.Reader's WriterTo and
// Seeker), so that a benchmark measures a plain stream.
type onlyReader struct{ r io.Reader }

func (o *onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// noise returns a w × h image of random pixels, which compresses poorly, so
// that file sizes are reached with few pixels.
func noise(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	_, _ = rand.NewChaCha8([32]byte{1}).Read(img.Pix)
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 255
	}
	return img
}

// benchSizes are the file sizes of the speed targets.
var benchSizes = []struct {
	name string
	size int
}{{"100KB", 100_000}, {"1MB", 1_000_000}, {"4MB", 4_000_000}, {"50MB", 50_000_000}}

var benchFiles sync.Map // "jpeg/100KB" → []byte

// benchFile returns a noisy JPEG (quality 100, JFIF and EXIF) or PNG (pHYs)
// of about size bytes, built once.
func benchFile(format string, size int) []byte {
	key := fmt.Sprint(format, size)
	if v, ok := benchFiles.Load(key); ok {
		return v.([]byte)
	}
	// Bytes per pixel of noise: about 2 for JPEG at quality 100, 3 for
	// an RGB PNG.
	bpp := 2.0
	if format == "png" {
		bpp = 3
	}
	side := int(math.Sqrt(float64(size) / bpp))
	var b []byte
	if format == "jpeg" {
		b = jpegWith(encodeJPEG(noise(side, side), 100), app0(1, 300, 300), app1(exifOpts{xNum: 300, xDen: 1}))
	} else {
		var buf bytes.Buffer
		img := noise(side, side)
		rgb := image.NewNRGBA(img.Rect)
		copy(rgb.Pix, img.Pix)
		// An opaque NRGBA is written as 8-bit RGB.
		_ = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, rgb)
		b = pngWith(buf.Bytes(), phys(11811, 11811, 1))
	}
	benchFiles.Store(key, b)
	return b
}

var sinkInfo Info

// BenchmarkInspect compares Inspect with the floor of the speed
// target side by side: each iteration runs both, in alternating order, so
// that a loaded machine slows them alike. It reports ours-ns/op, floor-ns/op and
// their ratio, for each format, size and kind of input:
//
//   - reader: a plain io.Reader. The floor is image.DecodeConfig followed
//     by io.Copy(io.Discard, rest), which reads every byte once. Target:
//     Inspect at most 1.5 × the floor.
//   - seeker: a *bytes.Reader. The floor is the same two calls; io.Copy
//     then uses WriterTo and reads nothing. Inspect skips PNG IDAT chunks
//     by seeking; JPEG scans must still be read to find their end.
func BenchmarkInspect(b *testing.B) {
	for _, format := range []string{"jpeg", "png"} {
		for _, s := range benchSizes {
			if testing.Short() && s.size > 4_000_000 {
				continue
			}
			for _, kind := range []string{"reader", "seeker"} {
				b.Run(fmt.Sprintf("%s/%s/%s", format, s.name, kind), func(b *testing.B) {
					data := benchFile(format, s.size)
					src := func() io.Reader {
						if kind == "reader" {
							return &onlyReader{bytes.NewReader(data)}
						}
						return bytes.NewReader(data)
					}
					b.SetBytes(int64(len(data)))
					b.ReportAllocs()
					var ours, floor time.Duration
					for i := 0; b.Loop(); i++ {
						// Alternate the order, so that neither always
						// runs right after the other warmed the caches.
						for k := range 2 {
							r := src()
							t0 := time.Now()
							if (i+k)%2 == 0 {
								info, err := Inspect(r)
								ours += time.Since(t0)
								if err != nil || info.Size != int64(len(data)) || info.Trailing != 0 || info.Truncated {
									b.Fatal(err, info)
								}
								sinkInfo = info
								continue
							}
							if _, _, err := image.DecodeConfig(r); err != nil {
								b.Fatal(err)
							}
							if _, err := io.Copy(io.Discard, r); err != nil {
								b.Fatal(err)
							}
							floor += time.Since(t0)
						}
					}
					b.ReportMetric(float64(ours.Nanoseconds())/float64(b.N), "ours-ns/op")
					b.ReportMetric(float64(floor.Nanoseconds())/float64(b.N), "floor-ns/op")
					b.ReportMetric(float64(ours)/float64(floor), "ratio")
				})
			}
		}
	}
}

// BenchmarkInspectAllocs measures Inspect alone, for its allocations: the
// same for every size (the benchmark's own reader is one of them).
func BenchmarkInspectAllocs(b *testing.B) {
	for _, s := range benchSizes[:3] {
		data := benchFile("png", s.size)
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkInfo, _ = Inspect(bytes.NewReader(data))
			}
		})
	}
}

// BenchmarkFillRun reads a JPEG whose segments are separated by 64 MiB of
// FF fill bytes; the issue measured 30 MB/s before.
func BenchmarkFillRun(b *testing.B) {
	data := fillRunJPEG(64 << 20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		info, err := Inspect(&onlyReader{bytes.NewReader(data)})
		if err != nil || info.Trailing != 0 {
			b.Fatal(err, info)
		}
	}
}

// fillRunJPEG returns baseJPEG with n FF fill bytes before its first
// marker after SOI.
func fillRunJPEG(n int) []byte {
	out := append([]byte{0xFF, 0xD8}, bytes.Repeat([]byte{0xFF}, n)...)
	return append(out, baseJPEG[2:]...)
}

// The standard library's full decode, for scale.
func BenchmarkDecode4MB(b *testing.B) {
	data := benchFile("jpeg", 4_000_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
