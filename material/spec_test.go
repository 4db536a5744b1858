package material

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAdvisorySpec(t *testing.T) {
	info := Info{Format: PNG, Size: 5_000_000, Width: 800, Height: 500, DPIX: 72, DPIY: 72, DPISource: PHYs, Colour: Greyscale, Trailing: 10}
	for _, p := range Alibaba.Spec(IDCardFront).Check(info) {
		switch p.Code {
		case ProblemTrailing:
			assert.False(t, p.Warning, "appended data stays a refusal")
		default:
			assert.True(t, p.Warning, "%s: the how-to is a third-party page, so its rules are advice", p.Code)
		}
	}
	for _, p := range Alibaba.Spec(DomainCertificate).Check(Info{Format: PNG, Size: 5_000_000, Width: 800, Height: 500}) {
		assert.False(t, p.Warning, "%s: ALI-domaincert is Alibaba's own page", p.Code)
	}
}
