package safefs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by the error for a path that names a folder, a
// named pipe (FIFO), a device, a socket or, where one is not followed, a
// symbolic link, instead of a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by [*TooLargeError].
var ErrTooLarge = errors.New("file too large")

// TooLargeError reports a file larger than the limit its reader set.
type TooLargeError struct {
	// Path is the file's path, as the caller gave it.
	Path string
	// Size is the file's size in bytes, or -1 when it was not known
	// before reading and the read stopped at Limit+1 bytes.
	Size int64
	// Limit is the most bytes the reader accepts.
	Limit int64
}

// Error says which file is too large and what the limit is.
func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("%s: larger than the limit of %s", e.Path, Size(e.Limit))
	}
	return fmt.Sprintf("%s: %s, larger than the limit of %s", e.Path, Size(e.Size), Size(e.Limit))
}

// Is reports whether target is [ErrTooLarge].
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

// Size formats n bytes for a person: "900 bytes", "256 KiB", "1.5 MiB".
func Size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<10))) + " KiB"
	case n < 1<<30:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<20))) + " MiB"
	default:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<30))) + " GiB"
	}
}

func trimZero(s string) string {
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}

// kindError says what was found where a regular file (or, where want
// says so, something else) was wanted.
type kindError struct{ kind, want string }

func (e *kindError) Error() string {
	if e.want != "" {
		return "is " + e.kind + ", not " + e.want
	}
	return "is " + e.kind + ", not a regular file"
}

// Is reports whether target is ErrNotRegular, for an error about a file
// that should have been a regular one.
func (e *kindError) Is(target error) bool { return target == ErrNotRegular && e.want == "" }

// notRegular returns the error for op on path, which has mode.
func notRegular(op, path string, mode fs.FileMode) error {
	return &fs.PathError{Op: op, Path: path, Err: &kindError{kind: kind(mode)}}
}

// kind names the type of file mode describes.
func kind(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	default:
		return "a special file"
	}
}

// ReadFile reads the regular file at the path name, which may be a
// symbolic link to one (the person named it), and returns its contents.
// It refuses anything but a regular file without blocking, and a file
// larger than limit bytes with a [*TooLargeError], before reading it when
// its size is known and after at most limit+1 bytes otherwise.
func ReadFile(name string, limit int64) ([]byte, error) {
	f, err := openRegular(name, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readFrom(f, name, limit)
}

// ReadFS reads the regular file name from fsys, as [ReadFile] does: it
// stats name before opening it and refuses anything but a regular file
// (so a FIFO in an [os.DirFS] folder is never opened), refuses a file
// larger than limit bytes before reading it, and reads through a limited
// reader.
func ReadFS(fsys fs.FS, name string, limit int64) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if err := check(name, info, limit); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readFrom(f, name, limit)
}

// readFrom reads f, which was opened as name, to its end or to limit+1
// bytes, checking first that it is a regular file of at most limit
// bytes.
func readFrom(f fs.File, name string, limit int64) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := check(name, info, limit); err != nil {
		return nil, err
	}
	return readLimited(f, name, info.Size(), limit)
}

// check returns an error unless info is a regular file of at most limit
// bytes.
func check(name string, info fs.FileInfo, limit int64) error {
	if !info.Mode().IsRegular() {
		return notRegular("open", name, info.Mode())
	}
	if info.Size() > limit {
		return &TooLargeError{Path: name, Size: info.Size(), Limit: limit}
	}
	return nil
}

// readLimited reads r to its end, or fails with a [*TooLargeError] once
// it has read more than limit bytes. size is how many bytes r is expected
// to hold, or 0 when that is not known.
func readLimited(r io.Reader, name string, size, limit int64) ([]byte, error) {
	limit = max(limit, 0)
	buf := make([]byte, 0, min(max(size, 512), limit)+1)
	for {
		n, err := r.Read(buf[len(buf):min(cap(buf), int(limit)+1)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, &TooLargeError{Path: name, Size: -1, Limit: limit}
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			grow := min(int64(cap(buf)), limit+1-int64(len(buf)))
			buf = append(buf, make([]byte, grow)...)[:len(buf)]
		}
	}
}

// ReadAll reads r, a stream such as standard input that name stands for
// in errors, to its end or to limit+1 bytes, as [ReadFile] does. It
// returns ctx.Err() as soon as ctx is done, even while a read is blocked;
// the blocked read is then left to finish on its own, so r must not be
// read again.
func ReadAll(ctx context.Context, r io.Reader, name string, limit int64) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := readLimited(r, name, 0, limit)
		done <- result{b, err}
	}()
	select {
	case res := <-done:
		return res.b, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Open opens the regular file at the path name for reading, following a
// symbolic link, as [ReadFile] does: anything but a regular file is
// refused without blocking.
func Open(name string) (*os.File, error) { return openRegular(name, os.O_RDONLY, 0) }

// openRegular opens the path name, following a symbolic link, with flag
// and perm, and returns the file only when it is a regular one. It never
// blocks on a FIFO: the path is checked before it is opened, and opened
// non-blocking where the system can, then checked again.
func openRegular(name string, flag int, perm fs.FileMode) (*os.File, error) {
	info, err := os.Stat(name)
	if err == nil && !info.Mode().IsRegular() {
		return nil, notRegular("open", name, info.Mode())
	}
	f, err := os.OpenFile(name, flag|noBlock, perm)
	if err != nil {
		return nil, err
	}
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, err
		}
		return nil, notRegular("open", name, info.Mode())
	}
	return f, nil
}
