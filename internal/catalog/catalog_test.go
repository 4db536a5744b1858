package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/icp"
	_ "github.com/icpkit/icpkit/icp/audit"
	_ "github.com/icpkit/icpkit/icp/refile"
	"github.com/icpkit/icpkit/internal/catalog"
)

func TestMessagesComplete(t *testing.T) {
	codes := icp.Codes()
	require.NotEmpty(t, codes)
	for _, c := range codes {
		m, ok := catalog.Lookup(c)
		require.True(t, ok, c)
		assert.NotEmpty(t, m.Zh, c)
		assert.NotEmpty(t, m.En, c)
		params := map[string]string{}
		for _, p := range m.Params {
			if name := catalog.ParamName(p); p == name {
				params[name] = "⟨" + name + "⟩" // a domain or count parameter renders as a name or number
			}
		}
		for _, tag := range []language.Tag{language.SimplifiedChinese, language.English} {
			out := icp.Message(tag, c, params)
			assert.NotContains(t, out, "%!", "%s renders its parameters", c)
			for _, p := range m.Params {
				if catalog.ParamName(p) == p {
					assert.Contains(t, out, "⟨"+p+"⟩", "%s uses parameter %s in %s", c, p, tag)
				}
			}
		}
	}
	assert.Equal(t, "no.such.code", icp.Message(language.English, "no.such.code", nil))

	// Tags other than the catalog's two render in the matching one.
	params := map[string]string{"type": "网站迁移"}
	assert.Equal(t, icp.Message(language.English, "filing.no_sites", params), icp.Message(language.BritishEnglish, "filing.no_sites", params))
	assert.Equal(t, icp.Message(language.SimplifiedChinese, "filing.no_sites", params), icp.Message(language.Japanese, "filing.no_sites", params))
	assert.Equal(t, icp.Message(language.SimplifiedChinese, "contact.mobile_sms", nil), icp.Message(language.TraditionalChinese, "contact.mobile_sms", nil))
}
