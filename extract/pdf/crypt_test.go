package pdf

import (
	"context"
	"crypto/md5"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rc4Document builds a one-page document encrypted with RC4-128 (V2, R3)
// under user password user and owner password owner, its objects
// encrypted as Algorithm 1 says, and /O and /U computed as Algorithms 3
// and 5 say.
func rc4Document(user, owner, text string) []byte {
	const n = 16
	id := []byte("0123456789abcdef")
	p := int32(-4)
	// Algorithm 3: /O
	okey := md5.Sum(padPassword([]byte(owner)))
	for range 50 {
		okey = md5.Sum(okey[:n])
	}
	o := padPassword([]byte(user))
	for i := 0; i < 20; i++ {
		k := make([]byte, n)
		for j := range k {
			k[j] = okey[j] ^ byte(i)
		}
		o = rc4XOR(k, o)
	}
	// Algorithm 2: the file key
	h := md5.New()
	h.Write(padPassword([]byte(user)))
	h.Write(o)
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write(id)
	key := h.Sum(nil)
	for range 50 {
		s := md5.Sum(key[:n])
		key = s[:]
	}
	key = key[:n]
	// Algorithm 5: /U
	h.Reset()
	h.Write(padding)
	h.Write(id)
	u := h.Sum(nil)
	for i := 0; i < 20; i++ {
		k := make([]byte, n)
		for j := range k {
			k[j] = key[j] ^ byte(i)
		}
		u = rc4XOR(k, u)
	}
	u = append(u, make([]byte, 16)...)
	sec := &security{key: key}
	content := "BT /F1 12 Tf 72 700 Td (" + text + ") Tj ET"
	enc := rc4XOR(sec.objectKey(objRef{id: 4}, cryptRC4), []byte(content))
	return tinyPDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Courier >> >> >> /Contents 4 0 R >>",
		stream("", string(enc)),
		fmt.Sprintf("<< /Filter /Standard /V 2 /R 3 /Length 128 /P %d /O <%X> /U <%X> >>", p, o, u),
	}, fmt.Sprintf("/Encrypt 5 0 R /ID [<%X> <%X>]", id, id))
}

// TestPasswords: a document with a user password fails without it, with a
// clear error, and opens with the user or the owner password.
func TestPasswords(t *testing.T) {
	doc := rc4Document("usr", "own", "Secret text")
	for _, c := range []struct {
		password string
		err      error
	}{
		{"", ErrPassword},
		{"wrong", ErrPassword},
		{"usr", nil},
		{"own", nil},
	} {
		res, err := Extract(context.Background(), doc, Options{Password: c.password, Timeout: 10 * time.Second})
		switch {
		case c.err != nil:
			if !errors.Is(err, c.err) || !errors.Is(err, ErrEncrypted) || !strings.Contains(err.Error(), "password") {
				t.Errorf("password %q: error %v, want %v", c.password, err, c.err)
			}
		case err != nil:
			t.Errorf("password %q: %v", c.password, err)
		case allText(res) != "Secret text":
			t.Errorf("password %q: text %q", c.password, allText(res))
		}
	}
}

// TestEncryptedSamples: RC4-128, AES-128 and AES-256 samples open with the
// empty user password; the AES-256 one also with its owner password,
// "master", and with a password meant for other documents of a batch.
func TestEncryptedSamples(t *testing.T) {
	for _, c := range []struct {
		file, password string
		err            error
	}{
		{"encrypted-rc4-128-empty-user-password.pdf", "", nil},
		{"encrypted-aes-128-v4.pdf", "", nil},
		{"encrypted-aes-256-r6.pdf", "", nil},
		{"encrypted-aes-256-r6.pdf", "master", nil},
		{"encrypted-aes-256-r6.pdf", "another document's", nil}, // the empty one still opens it
	} {
		data, err := os.ReadFile(filepath.Join(hostileDir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Extract(context.Background(), data, Options{Password: c.password, Timeout: 10 * time.Second})
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("%s with %q: error %v, want %v", c.file, c.password, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s with %q: %v", c.file, c.password, err)
			continue
		}
		if res.Pages != 30 || !strings.HasPrefix(allText(res), "Potato 0\nPotato 1") {
			t.Errorf("%s with %q: %d pages, text %.80q", c.file, c.password, res.Pages, allText(res))
		}
	}
}
