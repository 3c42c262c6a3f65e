package pdf

// The standard security handler (ISO 32000-1:2008 §7.6.3, ISO 32000-2
// §7.6.4): revisions 2–4 (RC4 of 40 to 128 bits, AES-128) and 5–6
// (AES-256), with crypt filters (§7.6.5), on Go's standard crypto. The
// user password is tried first, then the same password as the owner's,
// then the empty user password; with none, the document fails with
// ErrPassword.

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash"
)

// ErrPassword: the document is encrypted and the password given (or the
// empty one) opens it neither as user nor as owner.
var ErrPassword = fmt.Errorf("%w: a password is needed to open it", ErrEncrypted)

type cryptMethod uint8

const (
	cryptNone cryptMethod = iota
	cryptRC4
	cryptAESV2
	cryptAESV3
)

type security struct {
	key     []byte
	r       int64
	stm     cryptMethod // default for streams
	str     cryptMethod // default for strings
	filters map[string]cryptMethod
	encRef  uint32 // the encryption dictionary's own object
}

var padding = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

func padPassword(pw []byte) []byte {
	out := make([]byte, 32)
	n := copy(out, pw)
	copy(out[n:], padding)
	return out
}

// setupSecurity opens the document with password, else (for a batch
// given one password) with the empty user password.
func (f *pdfFile) setupSecurity(ev Value, password string) error {
	err := f.trySecurity(ev, password)
	if errors.Is(err, ErrPassword) && password != "" {
		err = f.trySecurity(ev, "")
	}
	return err
}

func (f *pdfFile) trySecurity(ev Value, password string) error {
	if ev.Key("Filter").Name() != "Standard" {
		return fmt.Errorf("%w: security handler /%s is not supported", ErrEncrypted, ev.Key("Filter").Name())
	}
	s := &security{r: ev.Key("R").Int64(), filters: map[string]cryptMethod{"Identity": cryptNone}, encRef: ev.ref.id}
	v := ev.Key("V").Int64()
	o, u := []byte(ev.Key("O").RawString()), []byte(ev.Key("U").RawString())
	switch {
	case v == 1 || v == 2:
		s.stm, s.str = cryptRC4, cryptRC4
	case v == 4 || v == 5:
		cf := ev.Key("CF")
		for _, k := range cf.Keys() {
			switch cf.Key(k).Key("CFM").Name() {
			case "V2":
				s.filters[k] = cryptRC4
			case "AESV2":
				s.filters[k] = cryptAESV2
			case "AESV3":
				s.filters[k] = cryptAESV3
			default:
				s.filters[k] = cryptNone
			}
		}
		method := func(key string) cryptMethod {
			n := ev.Key(key).Name()
			if n == "" {
				return cryptNone // absent: Identity
			}
			m, ok := s.filters[n]
			if !ok {
				return cryptNone
			}
			return m
		}
		s.stm, s.str = method("StmF"), method("StrF")
	default:
		return fmt.Errorf("%w: encryption version V=%d is not supported", ErrEncrypted, v)
	}
	var ok bool
	switch {
	case s.r >= 2 && s.r <= 4:
		if len(o) < 32 || len(u) < 32 {
			return fmt.Errorf("%w: /O or /U shorter than 32 bytes", ErrEncrypted)
		}
		bits := ev.Key("Length").Int64()
		if bits == 0 {
			bits = 40
		}
		if s.r == 2 {
			bits = 40
		}
		if bits%8 != 0 || bits < 40 || bits > 128 {
			return fmt.Errorf("%w: key length of %d bits", ErrEncrypted, bits)
		}
		var id []byte
		if ids := f.resolve(f.trailer["ID"]); ids.Len() > 0 {
			id = []byte(ids.Index(0).RawString())
		}
		meta := ev.Key("EncryptMetadata")
		encMeta := meta.Kind() != vBool || meta.x.(bool)
		p := uint32(ev.Key("P").Int64())
		n := int(bits / 8)
		userKey := func(pw []byte) []byte {
			h := md5.New()
			h.Write(padPassword(pw))
			h.Write(o[:32])
			h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
			h.Write(id)
			if s.r >= 4 && !encMeta {
				h.Write([]byte{0xFF, 0xFF, 0xFF, 0xFF})
			}
			key := h.Sum(nil)
			if s.r >= 3 {
				key = md5Rounds(key, n)
			}
			return key[:n]
		}
		checkUser := func(pw []byte) []byte {
			key := userKey(pw)
			var got []byte
			if s.r == 2 {
				got = rc4XOR(key, padding)
				ok := bytes.Equal(got, u[:32])
				if ok {
					return key
				}
				return nil
			}
			h := md5.New()
			h.Write(padding)
			h.Write(id)
			got = rc4Rounds(key, h.Sum(nil), false)
			if bytes.Equal(got[:16], u[:16]) {
				return key
			}
			return nil
		}
		pw := []byte(password)
		if s.key = checkUser(pw); s.key == nil {
			// the owner password: decrypt /O to get the user password
			sum := md5.Sum(padPassword(pw))
			okey := sum[:]
			if s.r >= 3 {
				okey = md5Rounds(okey, n)
			}
			okey = okey[:n]
			user := append([]byte(nil), o[:32]...)
			if s.r == 2 {
				user = rc4XOR(okey, user)
			} else {
				user = rc4Rounds(okey, user, true)
			}
			s.key = checkUser(user)
		}
		ok = s.key != nil
	case s.r == 5 || s.r == 6:
		if len(o) < 48 || len(u) < 48 {
			return fmt.Errorf("%w: /O or /U shorter than 48 bytes", ErrEncrypted)
		}
		oe, ue := []byte(ev.Key("OE").RawString()), []byte(ev.Key("UE").RawString())
		pw := []byte(password)
		if len(pw) > 127 {
			pw = pw[:127]
		}
		if bytes.Equal(s.hash(pw, u[32:40], nil), u[:32]) && len(ue) >= 32 {
			s.key = aesNoPad(s.hash(pw, u[40:48], nil), ue[:32])
		} else if bytes.Equal(s.hash(pw, o[32:40], u[:48]), o[:32]) && len(oe) >= 32 {
			s.key = aesNoPad(s.hash(pw, o[40:48], u[:48]), oe[:32])
		}
		ok = s.key != nil
		if s.stm == cryptNone && v == 5 && len(s.filters) == 1 {
			s.stm, s.str = cryptAESV3, cryptAESV3
		}
	default:
		return fmt.Errorf("%w: security handler revision R=%d is not supported", ErrEncrypted, s.r)
	}
	if !ok {
		return ErrPassword
	}
	f.crypt = s
	// objects read before the key was known were read without it
	enc := f.objs[s.encRef]
	clear(f.objs)
	clear(f.stms)
	if enc != nil {
		f.objs[s.encRef] = enc
	}
	return nil
}

// hash is the password hash of revisions 5 (SHA-256) and 6 (ISO 32000-2
// Algorithm 2.B).
func (s *security) hash(pw, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	if s.r == 5 {
		return k
	}
	for i := 0; ; i++ {
		k1 := make([]byte, 0, 64*(len(pw)+len(k)+len(udata)))
		for range 64 {
			k1 = append(k1, pw...)
			k1 = append(k1, k...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, c := range e[:16] {
			sum += int(c)
		}
		var hh hash.Hash
		switch sum % 3 {
		case 0:
			hh = sha256.New()
		case 1:
			hh = sha512.New384()
		default:
			hh = sha512.New()
		}
		hh.Write(e)
		k = hh.Sum(nil)
		if i >= 63 && int(e[len(e)-1]) <= i-31 {
			break
		}
	}
	return k[:32]
}

func aesNoPad(key, data []byte) []byte {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil
	}
	out := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(out, data)
	return out
}

func rc4XOR(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		return nil
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// objectKey is Algorithm 1: the file key extended by the object's number.
func (s *security) objectKey(r objRef, m cryptMethod) []byte {
	if m == cryptAESV3 {
		return s.key
	}
	h := md5.New()
	h.Write(s.key)
	h.Write([]byte{byte(r.id), byte(r.id >> 8), byte(r.id >> 16), byte(r.gen), byte(r.gen >> 8)})
	if m == cryptAESV2 {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(s.key)+5, 16)]
}

var errCipher = errors.New("encrypted data is not a whole number of AES blocks")

func (s *security) decrypt(data []byte, r objRef, m cryptMethod) ([]byte, error) {
	switch m {
	case cryptRC4:
		return rc4XOR(s.objectKey(r, m), data), nil
	case cryptAESV2, cryptAESV3:
		if len(data) < 16 {
			if len(data) == 0 {
				return data, nil
			}
			return nil, errCipher
		}
		block, err := aes.NewCipher(s.objectKey(r, m))
		if err != nil {
			return nil, err
		}
		iv, body := data[:16], data[16:]
		body = body[:len(body)/16*16]
		out := make([]byte, len(body))
		cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, body)
		if n := len(out); n > 0 {
			if p := int(out[n-1]); p >= 1 && p <= 16 && p <= n {
				out = out[:n-p]
			}
		}
		return out, nil
	}
	return data, nil
}

// decryptStream decrypts a stream's data: with the crypt filter it names,
// if any, else with the default for streams.
func (s *security) decryptStream(raw []byte, st *pdfStream, filters []string, params []Value) ([]byte, error) {
	m := s.stm
	for i, f := range filters {
		if f == "Crypt" {
			name := params[i].Key("Name").Name()
			if name == "" {
				name = "Identity"
			}
			m = s.filters[name]
		}
	}
	if st.ref.id == s.encRef {
		return raw, nil
	}
	return s.decrypt(raw, st.ref, m)
}

// decryptStrings decrypts the strings of an object read from the file.
func (s *security) decryptStrings(x any, r objRef, depth int) any {
	if r.id == s.encRef || depth > maxObjectDepth || s.str == cryptNone {
		return x
	}
	switch v := x.(type) {
	case string:
		out, err := s.decrypt([]byte(v), r, s.str)
		if err != nil {
			return v
		}
		return string(out)
	case pdfArray:
		for i := range v {
			v[i] = s.decryptStrings(v[i], r, depth+1)
		}
	case pdfDict:
		for k := range v {
			v[k] = s.decryptStrings(v[k], r, depth+1)
		}
	case *pdfStream:
		if v.dict["Type"] != pdfName("XRef") {
			s.decryptStrings(v.dict, r, depth+1)
		}
	}
	return x
}

// md5Rounds hashes the first n bytes of key 50 times over (revision 3 and
// later: ISO 32000-1 §7.6.3.3, Algorithms 2 and 3).
func md5Rounds(key []byte, n int) []byte {
	for range 50 {
		sum := md5.Sum(key[:n])
		key = sum[:]
	}
	return key
}

// rc4Rounds runs RC4 over data 20 times, with the key's bytes XORed with
// 0 to 19, or 19 down to 0 to undo it (Algorithms 3, 5 and 7).
func rc4Rounds(key, data []byte, down bool) []byte {
	for r := range 20 {
		i := r
		if down {
			i = 19 - r
		}
		k := make([]byte, len(key))
		for j := range key {
			k[j] = key[j] ^ byte(i)
		}
		data = rc4XOR(k, data)
	}
	return data
}
