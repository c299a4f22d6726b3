# Merchant profiles and secret stores (included from tests/CMakeLists.txt).
paytriage_add_test(NAME tst_profilestore SOURCES net/tst_profilestore.cpp LINK paytriage_net)
paytriage_add_test(NAME tst_profilecheck SOURCES net/tst_profilecheck.cpp LINK paytriage_net)
paytriage_add_test(NAME tst_profilecommit SOURCES net/tst_profilecommit.cpp LINK paytriage_net)
