package hardening

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/subject"
)

// TestKindZeroValuesAlike pins that the zero values of material.Kind and
// subject.Kind behave alike in JSON: both write "" and read it back as the
// zero value, so an empty form field round-trips in either.
func TestKindZeroValuesAlike(t *testing.T) {
	for name, v := range map[string]any{"material.Kind": new(material.Kind), "subject.Kind": new(subject.Kind)} {
		b, err := json.Marshal(v)
		require.NoError(t, err, name)
		assert.Equal(t, `""`, string(b), name)
		assert.NoError(t, json.Unmarshal([]byte(`""`), v), name)
	}
}
