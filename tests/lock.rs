//! The passphrase lock's formats (`format::seal`) and rules (`model::passphrase`), natively:
//! AES-256-GCM against the published vectors, sealed records, the lock's header, locked backups,
//! tampering refused, and the rule that makes every change of the lock all-or-nothing (the keys
//! before a change stay among the previous ones until every record is sealed again).

use reachout::format::compact;
use reachout::format::locked_backup::{self, LockedBackup};
use reachout::format::seal::{self, DataKey, Kdf, LockHeader, Plain, SealError};
use reachout::model::passphrase::{self, Strength, Tries};

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn key(n: u8) -> DataKey {
    DataKey::new([n, 1, 2, 3], [n; 32])
}

fn kdf() -> Kdf {
    Kdf {
        iterations: seal::ITERATIONS,
        salt: vec![7; 16],
    }
}

const NONCE: seal::Nonce = [9; 12];

#[test]
fn aes_256_gcm_matches_the_published_vector() {
    // Test case 16 of "The Galois/Counter Mode of Operation" (McGrew and Viega): AES-256,
    // 96-bit IV, 60 bytes of plaintext, 20 bytes of associated data.
    let key: [u8; 32] = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
        .try_into()
        .unwrap();
    let iv: [u8; 12] = hex("cafebabefacedbaddecaf888").try_into().unwrap();
    let plain = hex(
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72\
         1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
    );
    let aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    let sealed = seal::seal_bytes(&key, iv, &plain, &aad);
    let expected = [
        iv.to_vec(),
        hex(
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa\
             8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
        ),
        hex("76fc6ece0f4e1768cddf8853bb2d551b"),
    ]
    .concat();
    assert_eq!(sealed, expected);
    assert_eq!(seal::open_bytes(&key, &sealed, &aad).unwrap(), plain);
    let mut changed = sealed.clone();
    changed[20] ^= 1;
    assert_eq!(
        seal::open_bytes(&key, &changed, &aad),
        Err(SealError::Tampered)
    );
    assert_eq!(
        seal::open_bytes(&key, &sealed, b"other"),
        Err(SealError::Tampered)
    );
}

#[test]
fn packed_text_is_sealed_as_its_bytes_and_opens_to_the_same_text() {
    let packed =
        compact::pack(&"{\"name\":\"Ada Lovelace\",\"notes\":\"met at the fair\"}".repeat(40));
    let sealed = seal::seal_text(&key(1), NONCE, &packed);
    assert!(seal::is_sealed(&sealed));
    assert_eq!(seal::sealed_with(&sealed), Some("01010203"));
    assert!(!sealed.contains("Ada"));
    // Only the nonce, the tag and the short header are added.
    let added = sealed.chars().count() as i64 - packed.chars().count() as i64;
    assert!(added < 40, "sealing added {added} characters");
    assert_eq!(
        seal::open(&[key(1)], &sealed).unwrap(),
        Plain::Text(packed.clone())
    );
    // The same text sealed twice differs (a nonce per write).
    assert_ne!(sealed, seal::seal_text(&key(1), [8; 12], &packed));
}

#[test]
fn any_text_and_lone_surrogates_round_trip() {
    for text in ["", "plain JSON {\"a\":1}", "é ✓ 🙂", &"x".repeat(10_000)] {
        let sealed = seal::seal_text(&key(2), NONCE, text);
        assert_eq!(
            seal::open(&[key(2)], &sealed).unwrap(),
            Plain::Text(text.to_string())
        );
    }
    let units = [0x61, 0xD800, 0x62, 0xDC00];
    let sealed = seal::seal_units(&key(2), NONCE, &units);
    let opened = seal::open(&[key(2)], &sealed).unwrap();
    assert_eq!(opened, Plain::Units(units.to_vec()));
    assert_eq!(opened.into_text(), Err(SealError::NotText));
}

#[test]
fn a_changed_or_cut_record_is_refused() {
    let sealed = seal::seal_text(&key(3), NONCE, "Chiara Rossi, fear 4 of 5");
    let keys = [key(3)];
    // Each character of the body changed in turn.
    let head = sealed.rfind(':').unwrap() + 1;
    for (i, c) in sealed.char_indices().filter(|(i, _)| *i >= head).step_by(3) {
        let mut changed = sealed.clone();
        let other = char::from_u32(u32::from(c) ^ 1).unwrap();
        changed.replace_range(i..i + c.len_utf8(), &other.to_string());
        assert_eq!(
            seal::open(&keys, &changed),
            Err(SealError::Tampered),
            "at {i}"
        );
    }
    let cut: String = sealed.chars().take(sealed.chars().count() - 2).collect();
    assert_eq!(seal::open(&keys, &cut), Err(SealError::Tampered));
    // Its form changed from UTF-16 to packed: the associated data no longer matches.
    let form = sealed.replacen(":u", ":p", 1);
    assert_eq!(seal::open(&keys, &form), Err(SealError::Tampered));
    // Another key.
    assert_eq!(seal::open(&[key(4)], &sealed), Err(SealError::UnknownKey));
    let renamed = sealed.replacen("03010203", "04010203", 1);
    assert_eq!(seal::open(&[key(4)], &renamed), Err(SealError::Tampered));
    assert_eq!(seal::open(&keys, "not sealed"), Err(SealError::NotSealed));
}

#[test]
fn the_header_opens_with_its_passphrase_key_only() {
    let kek = [5u8; 32];
    let header = LockHeader::new(&kdf(), &kek, &[(&key(1), [1; 12])]);
    assert_eq!(header.kdf().unwrap(), kdf());
    let keys = header.unwrap(&kek).unwrap();
    assert_eq!(keys.len(), 1);
    let sealed = seal::seal_text(&key(1), NONCE, "hello");
    assert_eq!(
        seal::open(&keys, &sealed).unwrap(),
        Plain::Text("hello".into())
    );
    assert_eq!(
        header.unwrap(&[6u8; 32]).unwrap_err(),
        SealError::WrongPassphrase
    );
    // The JSON says the format, the KDF and its settings, and holds no key in the clear.
    let json = serde_json::to_string(&header).unwrap();
    for part in [
        "\"format\":\"reachout-lock\"",
        "\"version\":1",
        "PBKDF2-SHA-256",
        "600000",
    ] {
        assert!(json.contains(part), "{part} in {json}");
    }
    let document = seal::envelope(&header, &sealed);
    assert!(seal::is_locked(&document));
    let (read, inner) = seal::read_envelope(&document).unwrap().unwrap();
    assert_eq!((read, inner), (header, sealed.as_str()));
    assert!(seal::read_envelope("{\"format\":\"reachout\"}").is_none());
}

#[test]
fn header_values_out_of_range_are_refused() {
    let kek = [5u8; 32];
    let good = LockHeader::new(&kdf(), &kek, &[(&key(1), [1; 12])]);
    let weakened = LockHeader {
        iterations: 1_000,
        ..good.clone()
    };
    assert!(matches!(weakened.kdf(), Err(SealError::Header(_))));
    let endless = LockHeader {
        iterations: u32::MAX,
        ..good.clone()
    };
    assert!(matches!(endless.kdf(), Err(SealError::Header(_))));
    let short_salt = LockHeader {
        salt: "AAAA".into(),
        ..good.clone()
    };
    assert!(matches!(short_salt.kdf(), Err(SealError::Header(_))));
    let newer = LockHeader {
        version: 2,
        ..good.clone()
    };
    assert_eq!(newer.kdf(), Err(SealError::Newer(2)));
    let no_keys = LockHeader {
        keys: vec![],
        ..good.clone()
    };
    assert!(no_keys.kdf().is_err());
    let mut many = good.clone();
    many.keys = vec![good.keys[0].clone(); 5];
    assert!(many.kdf().is_err());
    let other_kdf = LockHeader {
        kdf: "scrypt".into(),
        ..good.clone()
    };
    assert!(other_kdf.kdf().is_err());
    // Each one is refused from the stored text too, before any key is derived.
    let text = seal::envelope(&endless, "x");
    assert!(seal::read_envelope(&text).unwrap().is_err());
    assert!(seal::read_envelope(&format!("{}{{}}", seal::LOCK_PREFIX))
        .unwrap()
        .is_err());
}

#[test]
fn a_change_of_passphrase_opens_records_of_either_key_until_all_are_sealed_again() {
    // The rule that makes changing the passphrase all-or-nothing: the one write of the
    // document's header flips from the old passphrase to the new; records not yet sealed again
    // (a tab closed half-way) still open, since the old data key is wrapped under the new
    // passphrase key as a previous one.
    let (old_kek, new_kek) = ([1u8; 32], [2u8; 32]);
    let before = LockHeader::new(&kdf(), &old_kek, &[(&key(1), [1; 12])]);
    let record = seal::seal_text(&key(1), NONCE, "snapshot of Ada");
    let after = LockHeader::new(
        &Kdf {
            iterations: seal::ITERATIONS,
            salt: vec![8; 16],
        },
        &new_kek,
        &[(&key(2), [2; 12]), (&key(1), [3; 12])],
    );
    assert_eq!(after.current(), key(2).id());
    // Before the write, the old passphrase opens everything and the new one nothing.
    assert!(seal::open(&before.unwrap(&old_kek).unwrap(), &record).is_ok());
    assert_eq!(
        before.unwrap(&new_kek).unwrap_err(),
        SealError::WrongPassphrase
    );
    // After it, the new passphrase opens records of both keys, the old passphrase nothing.
    let keys = after.unwrap(&new_kek).unwrap();
    let resealed = seal::seal_text(&keys[0], NONCE, "Bram's notes");
    assert!(seal::open(&keys, &record).is_ok());
    assert!(seal::open(&keys, &resealed).is_ok());
    assert_eq!(
        after.unwrap(&old_kek).unwrap_err(),
        SealError::WrongPassphrase
    );
    // Once every record is sealed again, the previous key goes; the old records would not open.
    let finished = LockHeader::new(&after.kdf().unwrap(), &new_kek, &[(&keys[0], [4; 12])]);
    let only = finished.unwrap(&new_kek).unwrap();
    assert!(seal::open(&only, &resealed).is_ok());
    assert_eq!(seal::open(&only, &record), Err(SealError::UnknownKey));
}

#[test]
fn locked_backups_round_trip_and_refuse_the_wrong_passphrase() {
    let kek = [4u8; 32];
    let plain =
        "{\"format\":\"reachout\",\"version\":5,\"data\":{\"contacts\":[{\"name\":\"Ada\"}]}}";
    let file = locked_backup::seal_backup(&kdf(), &kek, NONCE, plain);
    assert!(!file.contains("Ada"));
    for part in [
        "\"format\": \"reachout-backup-locked\"",
        "\"kdf\": \"PBKDF2-SHA-256\"",
        "\"salt\"",
        "\"nonce\"",
        "\"ciphertext\"",
    ] {
        assert!(file.contains(part), "{part} in {file}");
    }
    let read = LockedBackup::read(&file).unwrap().unwrap();
    assert_eq!(read.kdf().unwrap(), kdf());
    assert_eq!(read.open(&kek).unwrap(), plain);
    assert_eq!(read.open(&[3u8; 32]), Err(SealError::WrongPassphrase));
    // A changed byte of the ciphertext is refused the same way.
    let mut changed = read.clone();
    let mut bytes: Vec<char> = changed.ciphertext.chars().collect();
    bytes[4] = if bytes[4] == 'A' { 'B' } else { 'A' };
    changed.ciphertext = bytes.into_iter().collect();
    assert_eq!(changed.open(&kek), Err(SealError::WrongPassphrase));
    // A plain backup is not taken for a locked one; a newer or weakened one is refused.
    assert!(LockedBackup::read(plain).is_none());
    let newer = file.replace("\"version\": 1", "\"version\": 9");
    assert_eq!(
        LockedBackup::read(&newer).unwrap(),
        Err(SealError::Newer(9))
    );
    let weak = file.replace("600000", "10");
    assert!(LockedBackup::read(&weak).unwrap().is_err());
    assert!(
        LockedBackup::read("{\"format\":\"reachout-backup-locked\"}")
            .unwrap()
            .is_err()
    );
}

#[test]
fn strength_hints_follow_length_and_variety() {
    assert_eq!(passphrase::strength("short"), Strength::TooShort);
    assert_eq!(passphrase::strength("aaaaaaaaaaaa"), Strength::Weak);
    assert_eq!(passphrase::strength("password"), Strength::Weak);
    assert_eq!(passphrase::strength("Tangerine-42"), Strength::Fair);
    assert_eq!(
        passphrase::strength("correct horse battery staple"),
        Strength::Strong
    );
    assert!(Strength::Weak.words().starts_with("Weak"));
    assert_eq!(
        passphrase::refused("abc", "abc"),
        Some("Use at least 8 characters.")
    );
    assert_eq!(
        passphrase::refused("abcdefgh", "abcdefgX"),
        Some("The two passphrases are not the same.")
    );
    assert_eq!(passphrase::refused("abcdefgh", "abcdefgh"), None);
    let long = "x".repeat(passphrase::MAX_CHARS + 1);
    assert!(passphrase::refused(&long, &long).is_some());
}

#[test]
fn wrong_tries_wait_longer_each_time_and_stay_in_range() {
    let t0 = 1_000_000.0;
    let mut tries = Tries::default();
    for _ in 0..2 {
        tries = tries.failed(t0);
        assert_eq!(tries.seconds_left(t0), 0);
    }
    // After the third wrong try in a row, the next one waits.
    tries = tries.failed(t0);
    assert_eq!(tries.wait_seconds(), 5);
    assert_eq!(tries.seconds_left(t0 + 1_000.0), 4);
    assert_eq!(tries.seconds_left(t0 + 5_000.0), 0);
    tries = tries.failed(t0);
    assert_eq!(tries.wait_seconds(), 10);
    for _ in 0..20 {
        tries = tries.failed(t0);
    }
    assert_eq!(tries.wait_seconds(), passphrase::LONGEST_WAIT_SECONDS);
    // Remembered values out of range: a count past any real one, a time in the future or not
    // a time at all wait at most the longest wait from now.
    let odd = Tries {
        wrong: u32::MAX,
        last_ms: f64::INFINITY,
    }
    .in_range(t0);
    assert_eq!(odd.last_ms, t0);
    assert_eq!(odd.seconds_left(t0), passphrase::LONGEST_WAIT_SECONDS);
    let future = Tries {
        wrong: 3,
        last_ms: t0 * 1000.0,
    }
    .in_range(t0);
    assert_eq!(future.seconds_left(t0), 5);
}
