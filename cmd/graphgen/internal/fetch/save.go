package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
)

// download is a response body stored in a temporary file next to the output.
type download struct {
	file *os.File
	size int64
	sum  string // hex SHA-256 of the body
}

// save stores the body of resp in opts.Output unless it is equal to the file
// already there, then records the validators in the sidecar.
func (f fetcher) save(opts Options, resp *http.Response) (Result, error) {
	d, err := f.receive(opts.Output, resp.Body)
	if d != nil {
		defer d.discard()
	}
	if err != nil {
		return Result{}, err
	}
	if _, err := d.file.Seek(0, io.SeekStart); err != nil {
		return Result{}, err
	}
	if err := checkCSDL(d.file); err != nil {
		return Result{}, fmt.Errorf("response is not a CSDL document: %w", err)
	}

	same, err := hasContent(opts.Output, d.size, d.sum)
	if err != nil {
		return Result{}, err
	}
	if !same {
		if err := commit(d.file, opts.Output); err != nil {
			return Result{}, err
		}
	}

	res := Result{
		URL:          opts.URL,
		Unchanged:    same,
		Written:      !same,
		Size:         d.size,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	s := sidecar{URL: opts.URL, ETag: res.ETag, LastModified: res.LastModified, SHA256: d.sum}
	return res, s.save(opts.Output)
}

// receive copies body into a temporary file next to output. It returns the
// download, if a temporary file was created, even when it also returns an
// error, so that the caller can discard it.
func (f fetcher) receive(output string, body io.Reader) (*download, error) {
	if err := os.MkdirAll(filepath.Dir(output), 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(output), "."+filepath.Base(output)+".tmp-*")
	if err != nil {
		return nil, err
	}
	d := &download{file: tmp}

	h := sha256.New()
	d.size, err = io.Copy(io.MultiWriter(tmp, h), io.LimitReader(body, f.maxSize+1))
	switch {
	case err != nil:
		return d, fmt.Errorf("read body: %w", err)
	case d.size > f.maxSize:
		return d, fmt.Errorf("response body is larger than %d bytes", f.maxSize)
	case d.size == 0:
		return d, errors.New("empty response body")
	}
	d.sum = hex.EncodeToString(h.Sum(nil))
	return d, nil
}

// discard closes and deletes the temporary file if it is still there. Errors
// are ignored: after a commit the file is already closed and renamed.
func (d *download) discard() {
	_ = d.file.Close()
	_ = os.Remove(d.file.Name())
}

// hasContent reports whether the file at path has the given size and SHA-256.
// A missing file has no content.
func hasContent(path string, size int64, sum string) (bool, error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if info.Size() != size {
		return false, nil
	}
	got, err := fileSum(path)
	return got == sum, err
}

// fileSum returns the hex SHA-256 of the file at path.
func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// commit makes the complete temporary file tmp the file at path, replacing it
// atomically.
func commit(tmp *os.File, path string) error {
	err := tmp.Chmod(0o644)
	if err == nil {
		err = tmp.Sync()
	}
	err = errors.Join(err, tmp.Close())
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}

// writeFile replaces the file at path with data atomically.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())

	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return commit(tmp, path)
}
