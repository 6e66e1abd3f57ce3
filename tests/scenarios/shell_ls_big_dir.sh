# ls of a directory of more than 64 entries. Past 64 it has an index and a
# new entry goes at the head of its list (made here in increasing order: the
# list is then in reverse), which readdir sorts first; shrunk to 64 and below
# the index goes and the list is sorted before. ls prints in directory order.
mkdir /tmp/big
mkdir /tmp/big/d00 /tmp/big/d01 /tmp/big/d02 /tmp/big/d03 /tmp/big/d04 /tmp/big/d05 /tmp/big/d06 /tmp/big/d07 /tmp/big/d08 /tmp/big/d09
mkdir /tmp/big/d10 /tmp/big/d11 /tmp/big/d12 /tmp/big/d13 /tmp/big/d14 /tmp/big/d15 /tmp/big/d16 /tmp/big/d17 /tmp/big/d18 /tmp/big/d19
mkdir /tmp/big/d20 /tmp/big/d21 /tmp/big/d22 /tmp/big/d23 /tmp/big/d24 /tmp/big/d25 /tmp/big/d26 /tmp/big/d27 /tmp/big/d28 /tmp/big/d29
mkdir /tmp/big/d30 /tmp/big/d31 /tmp/big/d32 /tmp/big/d33 /tmp/big/d34 /tmp/big/d35 /tmp/big/d36 /tmp/big/d37 /tmp/big/d38 /tmp/big/d39
mkdir /tmp/big/d40 /tmp/big/d41 /tmp/big/d42 /tmp/big/d43 /tmp/big/d44 /tmp/big/d45 /tmp/big/d46 /tmp/big/d47 /tmp/big/d48 /tmp/big/d49
mkdir /tmp/big/d50 /tmp/big/d51 /tmp/big/d52 /tmp/big/d53 /tmp/big/d54 /tmp/big/d55 /tmp/big/d56 /tmp/big/d57 /tmp/big/d58 /tmp/big/d59
mkdir /tmp/big/d60 /tmp/big/d61 /tmp/big/d62 /tmp/big/d63 /tmp/big/d64 /tmp/big/d65 /tmp/big/d66 /tmp/big/d67 /tmp/big/d68 /tmp/big/d69
ls /tmp/big
rmdir /tmp/big/d00 /tmp/big/d35 /tmp/big/d69
mkdir /tmp/big/z /tmp/big/d35 /tmp/big/a
ls /tmp/big
rmdir /tmp/big/a /tmp/big/z /tmp/big/d35 /tmp/big/d01 /tmp/big/d02 /tmp/big/d03 /tmp/big/d68
ls /tmp/big
mkdir /tmp/big/d35
ls /tmp/big
rmdir /tmp/big/d04 /tmp/big/d05 /tmp/big/d06 /tmp/big/d07 /tmp/big/d08 /tmp/big/d09
rmdir /tmp/big/d10 /tmp/big/d11 /tmp/big/d12 /tmp/big/d13 /tmp/big/d14 /tmp/big/d15 /tmp/big/d16 /tmp/big/d17 /tmp/big/d18 /tmp/big/d19
rmdir /tmp/big/d20 /tmp/big/d21 /tmp/big/d22 /tmp/big/d23 /tmp/big/d24 /tmp/big/d25 /tmp/big/d26 /tmp/big/d27 /tmp/big/d28 /tmp/big/d29
rmdir /tmp/big/d30 /tmp/big/d31 /tmp/big/d32 /tmp/big/d33 /tmp/big/d34 /tmp/big/d35 /tmp/big/d36 /tmp/big/d37 /tmp/big/d38 /tmp/big/d39
rmdir /tmp/big/d40 /tmp/big/d41 /tmp/big/d42 /tmp/big/d43 /tmp/big/d44 /tmp/big/d45 /tmp/big/d46 /tmp/big/d47 /tmp/big/d48 /tmp/big/d49
rmdir /tmp/big/d50 /tmp/big/d51 /tmp/big/d52 /tmp/big/d53 /tmp/big/d54 /tmp/big/d55 /tmp/big/d56 /tmp/big/d57 /tmp/big/d58 /tmp/big/d59
rmdir /tmp/big/d60 /tmp/big/d61 /tmp/big/d62 /tmp/big/d63 /tmp/big/d64 /tmp/big/d65 /tmp/big/d66 /tmp/big/d67
ls /tmp/big
rmdir /tmp/big
ls /tmp
