# sh FILE: a script's lines run in order, exit N ends it with N, nesting is bounded, errors are told, only a regular file runs (/dev/zero would never end), a binary file (NUL in its first line) is refused with 126 as in bash
echo 'echo in script; false' > /tmp/s.sh
echo 'echo status $?   # a comment' >> /tmp/s.sh
echo '' >> /tmp/s.sh
echo 'exit 7' >> /tmp/s.sh
echo 'echo not reached' >> /tmp/s.sh
cat /tmp/s.sh
sh /tmp/s.sh
echo $?
echo 'sh /tmp/r.sh' > /tmp/r.sh
sh /tmp/r.sh
echo $?
echo 'true' > /tmp/t.sh; sh /tmp/t.sh; echo $?
sh /nope
echo $?
sh /dev/zero
echo $?
sh /etc
echo $?
sh /lib/modules/hello.ko
echo $?
sh
echo $?
rm /tmp/s.sh /tmp/r.sh /tmp/t.sh
