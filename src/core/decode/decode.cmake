# Sources of the decoder, relative to src/core.
set(PAYTRIAGE_DECODE_SOURCES
    decode/decoder.h
    decode/decoder.cpp
    decode/textscan.h
    decode/textscan.cpp
    decode/valueparser.h
    decode/valueparser.cpp
    decode/tostringform.h
    decode/tostringform.cpp
)
