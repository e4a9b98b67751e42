/*
 * Installable drivers nobody here wrote, driven by their real clients: Wine's msacm32 with the
 * imaadp32.acm codec (PCM -> IMA ADPCM -> PCM), and Wine's msvfw32 with the msrle32.dll video
 * codec (compress, decompress). Both clients import OpenDriver / SendDriverMessage /
 * CloseDriver from whichever winmm the process has: on our winmm, every codec message goes
 * through our driver table. The encoded data must be the same on both winmms, bit for bit.
 *
 * msacm32 and msvfw32 import user32 too, and call it as they load: each client is loaded at run
 * time in a child process of its own, where a user32 that still lacks what it calls (a stub)
 * ends the child with EXCEPTION_WINE_STUB, which the parent reports as a skip.
 *
 * The ACM child runs on whatever DLLs the parent has (all of ours under `make check`). The VfW
 * child cannot run on our user32 yet: msvfw32 imports comctl32, whose DllMain draws with GDI,
 * and Wine's gdi32/win32u crash in a process whose user32 is ours (DESIGN.md, "Known limit").
 * So that child runs from a directory of its own holding a copy of this exe and of our winmm.dll
 * but no user32.dll: it keeps our winmm and Wine's builtin user32 (an override's environment
 * variable set here would not reach it: Wine reads the one it was started with). Every codec
 * message still goes through our driver table.
 */

#include <windows.h>
#include <mmsystem.h>
#include <mmreg.h>
#include <msacm.h>
#include <vfw.h>
#include <math.h>
#include "mmtest.h"

#define CLIENT_FUNCS \
    X(msacm32, acmFormatSuggest) X(msacm32, acmStreamOpen) X(msacm32, acmStreamSize) \
    X(msacm32, acmStreamPrepareHeader) X(msacm32, acmStreamConvert) \
    X(msacm32, acmStreamUnprepareHeader) X(msacm32, acmStreamClose) \
    X(msvfw32, ICOpen) X(msvfw32, ICClose) X(msvfw32, ICSendMessage) X(msvfw32, ICCompress) \
    X(msvfw32, ICDecompress)

#define X(dll, f) static typeof(f) *p##f;
CLIENT_FUNCS
#undef X
#define acmFormatSuggest pacmFormatSuggest
#define acmStreamOpen pacmStreamOpen
#define acmStreamSize pacmStreamSize
#define acmStreamPrepareHeader pacmStreamPrepareHeader
#define acmStreamConvert pacmStreamConvert
#define acmStreamUnprepareHeader pacmStreamUnprepareHeader
#define acmStreamClose pacmStreamClose
#define ICOpen pICOpen
#define ICClose pICClose
#define ICSendMessage pICSendMessage
#define ICCompress pICCompress
#define ICDecompress pICDecompress

static DWORD crc32( const BYTE *data, size_t size )
{
    DWORD crc = ~0u;
    size_t i;
    int bit;

    for (i = 0; i < size; i++)
    {
        crc ^= data[i];
        for (bit = 0; bit < 8; bit++) crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
    return ~crc;
}

static DWORD convert( const WAVEFORMATEX *from, const WAVEFORMATEX *to, BYTE *src, DWORD src_size,
                      BYTE **dst )
{
    ACMSTREAMHEADER header = { sizeof(header) };
    HACMSTREAM stream;
    MMRESULT ret;
    DWORD dst_size = 0;

    *dst = NULL;
    ret = acmStreamOpen( &stream, NULL, (WAVEFORMATEX *)from, (WAVEFORMATEX *)to, NULL, 0, 0,
                         ACM_STREAMOPENF_NONREALTIME );
    ok( !ret, "acmStreamOpen(%#x -> %#x) returned %u\n", from->wFormatTag, to->wFormatTag, ret );
    if (ret) return 0;
    ret = acmStreamSize( stream, src_size, &dst_size, ACM_STREAMSIZEF_SOURCE );
    ok( !ret && dst_size, "acmStreamSize returned %u, size %lu\n", ret, dst_size );
    *dst = calloc( 1, dst_size );

    header.pbSrc = src;
    header.cbSrcLength = src_size;
    header.pbDst = *dst;
    header.cbDstLength = dst_size;
    ret = acmStreamPrepareHeader( stream, &header, 0 );
    ok( !ret, "acmStreamPrepareHeader returned %u\n", ret );
    ret = acmStreamConvert( stream, &header, ACM_STREAMCONVERTF_START | ACM_STREAMCONVERTF_END );
    ok( !ret, "acmStreamConvert returned %u\n", ret );
    ok( header.fdwStatus & ACMSTREAMHEADER_STATUSF_DONE, "status %#lx\n", header.fdwStatus );
    ok( header.cbSrcLengthUsed == src_size, "used %lu of %lu source bytes\n",
        header.cbSrcLengthUsed, src_size );
    dst_size = header.cbDstLengthUsed;
    ret = acmStreamUnprepareHeader( stream, &header, 0 );
    ok( !ret, "acmStreamUnprepareHeader returned %u\n", ret );
    ret = acmStreamClose( stream, 0 );
    ok( !ret, "acmStreamClose returned %u\n", ret );
    return dst_size;
}

/* PCM -> IMA ADPCM -> PCM through imaadp32.acm, found by msacm32 in system.ini's [drivers32]
 * ("msacm.imaadpcm") and opened with OpenDriver. */
static void test_acm_ima_adpcm( void )
{
    WAVEFORMATEX pcm = { WAVE_FORMAT_PCM, 1, 22050, 44100, 2, 16, 0 };
    struct { WAVEFORMATEX wfx; BYTE extra[32]; } ima;
    const unsigned int samples = 1017 * 8; /* eight IMA ADPCM blocks of 512 bytes */
    SHORT *wave, *decoded = NULL;
    BYTE *encoded = NULL;
    DWORD encoded_size, decoded_size, crc;
    double error = 0;
    unsigned int i;
    MMRESULT ret;

    memset( &ima, 0, sizeof(ima) );
    ima.wfx.wFormatTag = WAVE_FORMAT_IMA_ADPCM;
    ret = acmFormatSuggest( NULL, &pcm, &ima.wfx, sizeof(ima), ACM_FORMATSUGGESTF_WFORMATTAG );
    ok( !ret, "acmFormatSuggest returned %u\n", ret );
    if (ret)
    {
        skip( "no IMA ADPCM codec\n" );
        return;
    }
    ok( ima.wfx.nChannels == 1 && ima.wfx.nSamplesPerSec == 22050 && ima.wfx.wBitsPerSample == 4 &&
        ima.wfx.nBlockAlign == 512, "suggested %u ch %lu Hz %u bits, block %u\n", ima.wfx.nChannels,
        ima.wfx.nSamplesPerSec, ima.wfx.wBitsPerSample, ima.wfx.nBlockAlign );

    wave = malloc( samples * sizeof(*wave) );
    for (i = 0; i < samples; i++) wave[i] = (SHORT)(12000 * sin( i * 2 * 3.14159265358979 * 440 / 22050 ));

    encoded_size = convert( &pcm, &ima.wfx, (BYTE *)wave, samples * sizeof(*wave), &encoded );
    ok( encoded_size == 8 * 512, "encoded into %lu bytes\n", encoded_size );
    crc = crc32( encoded, encoded_size );
    /* Measured on Wine's builtin winmm: the codec's output, unchanged by which winmm passes
     * the messages. */
    ok( crc == 0xa08cc691, "encoded data crc %#lx\n", crc );

    decoded_size = convert( &ima.wfx, &pcm, encoded, encoded_size, (BYTE **)&decoded );
    ok( decoded_size == samples * sizeof(*wave), "decoded into %lu bytes\n", decoded_size );
    for (i = 0; decoded && i < decoded_size / sizeof(*wave); i++) error += fabs( decoded[i] - wave[i] );
    if (decoded_size) error /= decoded_size / sizeof(*wave);
    ok( error < 300, "mean error %.1f of 12000\n", error );
    trace( "IMA ADPCM: %u samples -> %lu bytes (crc %#lx) -> %lu bytes, mean error %.1f\n",
           samples, encoded_size, crc, decoded_size, error );
    free( wave );
    free( encoded );
    free( decoded );
}

struct bitmap8
{
    BITMAPINFOHEADER header;
    RGBQUAD palette[256];
};

/* Compress and decompress an 8-bit frame through msrle32.dll ("vidc.mrle"). RLE is lossless
 * at the highest quality: the frame must come back unchanged. */
static void test_vfw_rle( void )
{
    const LONG width = 64, height = 32;
    struct bitmap8 in, out, back;
    BYTE *frame, *compressed, *decoded;
    DWORD ckid = 0, flags = 0, size, crc;
    LRESULT ret;
    HIC hic;
    LONG x, y;

    memset( &in, 0, sizeof(in) );
    in.header.biSize = sizeof(in.header);
    in.header.biWidth = width;
    in.header.biHeight = height;
    in.header.biPlanes = 1;
    in.header.biBitCount = 8;
    in.header.biCompression = BI_RGB;
    in.header.biSizeImage = width * height;
    in.header.biClrUsed = 256;
    for (x = 0; x < 256; x++)
    {
        in.palette[x].rgbRed = x;
        in.palette[x].rgbGreen = 255 - x;
        in.palette[x].rgbBlue = x / 2;
    }
    frame = malloc( width * height );
    for (y = 0; y < height; y++)
        for (x = 0; x < width; x++) frame[y * width + x] = (x / 8 + y / 4) * 16 + (x % 3 == 0 && y % 5 == 0);

    hic = ICOpen( ICTYPE_VIDEO, mmioFOURCC('m','r','l','e'), ICMODE_COMPRESS );
    ok( hic != NULL, "ICOpen(mrle, compress) failed\n" );
    if (!hic)
    {
        free( frame );
        return;
    }
    memset( &out, 0, sizeof(out) );
    ret = ICCompressGetFormat( hic, &in, &out );
    ok( ret == ICERR_OK, "ICCompressGetFormat returned %Id\n", ret );
    ok( out.header.biCompression == BI_RLE8, "compression %#lx\n", out.header.biCompression );
    size = ICCompressGetSize( hic, &in, &out );
    ok( size >= width * height, "ICCompressGetSize returned %lu\n", size );
    compressed = calloc( 1, size );
    ret = ICCompressBegin( hic, &in, &out );
    ok( ret == ICERR_OK, "ICCompressBegin returned %Id\n", ret );
    ret = ICCompress( hic, ICCOMPRESS_KEYFRAME, &out.header, compressed, &in.header, frame, &ckid,
                      &flags, 0, 0, ICQUALITY_HIGH, NULL, NULL );
    ok( ret == ICERR_OK, "ICCompress returned %Id\n", ret );
    ok( flags & AVIIF_KEYFRAME, "flags %#lx\n", flags );
    ok( out.header.biSizeImage && out.header.biSizeImage < width * height,
        "compressed to %lu bytes\n", out.header.biSizeImage );
    crc = crc32( compressed, out.header.biSizeImage );
    /* Measured on Wine's builtin winmm, as for the ACM test. */
    ok( crc == 0x2ac791d2, "compressed data crc %#lx\n", crc );
    ICCompressEnd( hic );
    ok( ICClose( hic ) == ICERR_OK, "ICClose failed\n" );

    hic = ICOpen( ICTYPE_VIDEO, mmioFOURCC('m','r','l','e'), ICMODE_DECOMPRESS );
    ok( hic != NULL, "ICOpen(mrle, decompress) failed\n" );
    back = in;
    back.header.biSizeImage = 0;
    decoded = calloc( 1, width * height );
    if (hic)
    {
        ret = ICDecompressBegin( hic, &out, &back );
        ok( ret == ICERR_OK, "ICDecompressBegin returned %Id\n", ret );
        ret = ICDecompress( hic, 0, &out.header, compressed, &back.header, decoded );
        ok( ret == ICERR_OK, "ICDecompress returned %Id\n", ret );
        ok( !memcmp( decoded, frame, width * height ), "the frame changed\n" );
        ICDecompressEnd( hic );
        ok( ICClose( hic ) == ICERR_OK, "ICClose failed\n" );
    }
    trace( "RLE8: %lu bytes -> %lu bytes (crc %#lx)\n", width * height, out.header.biSizeImage, crc );
    free( frame );
    free( compressed );
    free( decoded );
}

static BOOL load_client( const WCHAR *name, HMODULE *module )
{
    *module = LoadLibraryW( name );
    ok( *module != NULL, "cannot load %s: %lu\n", wine_dbgstr_w(name), GetLastError() );
    return *module != NULL;
}

static BOOL load_acm( void )
{
    HMODULE msacm32, msvfw32 = NULL;

    if (!load_client( L"msacm32.dll", &msacm32 )) return FALSE;
#define X(dll, f) if (dll) { p##f = (void *)GetProcAddress( dll, #f ); ok( p##f != NULL, "no %s\n", #f ); }
    CLIENT_FUNCS
#undef X
    return TRUE;
}

static BOOL load_vfw( void )
{
    HMODULE msacm32 = NULL, msvfw32;

    if (!load_client( L"msvfw32.dll", &msvfw32 )) return FALSE;
#define X(dll, f) if (dll) { p##f = (void *)GetProcAddress( dll, #f ); ok( p##f != NULL, "no %s\n", #f ); }
    CLIENT_FUNCS
#undef X
    return TRUE;
}

/* Runs EXE (this test exe, or a copy of it) as a child in MODE ("acm" or "vfw"); a child that
 * hit a stub is a skip, anything else is counted. */
static void run_child( const char *exe, const char *mode )
{
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char cmd[MAX_PATH + 64];
    DWORD code;

    sprintf( cmd, "\"%s\" clients %s", exe, mode );
    ok( CreateProcessA( NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi ),
        "CreateProcess failed: %lu\n", GetLastError() );
    WaitForSingleObject( pi.hProcess, 60000 );
    GetExitCodeProcess( pi.hProcess, &code );
    if (code == EXCEPTION_WINE_STUB)
        skip( "%s: this user32 does not implement what the client calls yet\n", mode );
    else
        wait_child_process( pi.hProcess );
    CloseHandle( pi.hProcess );
    CloseHandle( pi.hThread );
}

/* Runs the VfW child from a fresh directory with copies of this exe and our winmm.dll only. */
static void run_child_without_our_user32( const char *exe, const char *mode )
{
    char dir[MAX_PATH], copy_exe[MAX_PATH], winmm[MAX_PATH], copy_winmm[MAX_PATH];

    GetTempPathA( sizeof(dir), dir );
    sprintf( dir + strlen( dir ), "usermm-clients-%lu", GetCurrentProcessId() );
    ok( CreateDirectoryA( dir, NULL ), "CreateDirectory %s failed: %lu\n", dir, GetLastError() );
    sprintf( copy_exe, "%s\\winmm_test.exe", dir );
    sprintf( copy_winmm, "%s\\winmm.dll", dir );
    GetModuleFileNameA( GetModuleHandleA( "winmm.dll" ), winmm, sizeof(winmm) );
    ok( CopyFileA( exe, copy_exe, FALSE ), "copy of the exe failed: %lu\n", GetLastError() );
    ok( CopyFileA( winmm, copy_winmm, FALSE ), "copy of winmm failed: %lu\n", GetLastError() );
    run_child( copy_exe, mode );
    DeleteFileA( copy_exe );
    DeleteFileA( copy_winmm );
    RemoveDirectoryA( dir );
}

START_TEST(clients)
{
    char **argv;
    int argc = winetest_get_mainargs( &argv );

    builtin_winmm = is_builtin_winmm();
    if (argc > 2 && !strcmp( argv[2], "acm" ))
    {
        AddVectoredExceptionHandler( 1, stub_handler );
        if (load_acm()) test_acm_ima_adpcm();
        return;
    }
    if (argc > 2 && !strcmp( argv[2], "vfw" ))
    {
        AddVectoredExceptionHandler( 1, stub_handler );
        if (load_vfw()) test_vfw_rle();
        return;
    }

    run_child( argv[0], "acm" );
    /* See the top of the file: the VfW client needs Wine's user32 for its GDI-drawing imports. */
    if (winetest_platform_is_wine && !usermm_is_builtin_dll( L"user32.dll" ))
        run_child_without_our_user32( argv[0], "vfw" );
    else run_child( argv[0], "vfw" );
}
