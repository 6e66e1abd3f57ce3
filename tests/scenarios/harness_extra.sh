# --add tests/scenarios/files puts that folder under /extra/
ls /extra
cat /extra/hello.txt
cat /extra/sub/nested.txt
cat /etc/motd
