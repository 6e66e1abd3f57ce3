# hexdump -C: the format, -s and -n, several files as one stream, repeated lines as *, usage errors
echo hello > /tmp/h
hexdump /tmp/h
hexdump -C -s 2 -n 3 /tmp/h
echo 0123456789abcdef0123456789abcdef0123456789abcdef > /tmp/r
hexdump /tmp/r /tmp/h
hexdump -n 0x10 /tmp/r
hexdump /dev/null
hexdump -s
hexdump -q /tmp/h
rm /tmp/h /tmp/r
