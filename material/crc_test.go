package material

import (
	"hash/crc32"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCRCUpdate checks crcUpdate against hash/crc32 at every length around
// the fold's thresholds and steps, from every start value kind.
func TestCRCUpdate(t *testing.T) {
	b := make([]byte, 8<<10)
	_, _ = rand.NewChaCha8([32]byte{7}).Read(b)
	for _, n := range []int{0, 1, 15, 63, 64, 255, 256, 1023, 1024, 1025, 1279, 1280, 1281, 2047, 2048, 4095, 4096, 8191, 8192} {
		for _, crc := range []uint32{0, 1, 0xFFFFFFFF, 0x12345678} {
			for _, off := range []int{0, 1, 7} {
				p := b[off:][:min(n, len(b)-off)]
				require.Equal(t, crc32.Update(crc, crc32.IEEETable, p), crcUpdate(crc, p, new([64]byte)), "len %d, crc %#x, offset %d", len(p), crc, off)
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		off, n, crc := r.IntN(64), r.IntN(len(b)-64), r.Uint32()
		p := b[off : off+n]
		require.Equal(t, crc32.Update(crc, crc32.IEEETable, p), crcUpdate(crc, p, new([64]byte)), "len %d, crc %#x, offset %d", n, crc, off)
	}
}

// BenchmarkCRCUpdate compares crcUpdate with hash/crc32 on the 16 KiB reads
// the PNG walk sums.
func BenchmarkCRCUpdate(b *testing.B) {
	p := make([]byte, 16<<10)
	_, _ = rand.NewChaCha8([32]byte{7}).Read(p)
	var sink uint32
	var scratch [64]byte
	for _, impl := range []struct {
		name string
		f    func(uint32, []byte) uint32
	}{
		{"hash-crc32", func(c uint32, p []byte) uint32 { return crc32.Update(c, crc32.IEEETable, p) }},
		{"crcUpdate", func(c uint32, p []byte) uint32 { return crcUpdate(c, p, &scratch) }},
	} {
		b.Run(impl.name, func(b *testing.B) {
			b.SetBytes(int64(len(p)))
			b.ReportAllocs()
			for b.Loop() {
				sink = impl.f(sink, p)
			}
		})
	}
}

func FuzzCRCUpdate(f *testing.F) {
	f.Add(uint32(0), make([]byte, 1024))
	f.Add(uint32(0xFFFFFFFF), make([]byte, 3000))
	f.Fuzz(func(t *testing.T, crc uint32, p []byte) {
		if got, want := crcUpdate(crc, p, new([64]byte)), crc32.Update(crc, crc32.IEEETable, p); got != want {
			t.Fatalf("crcUpdate(%#x, %d bytes) = %#x, want %#x", crc, len(p), got, want)
		}
	})
}
