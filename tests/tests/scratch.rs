use errcode_tests::camera::CameraError;
use errcode_tests::image::ImageError;
#[test]
fn scratch() {
    let e = CameraError::from_code(7400102).unwrap();
    println!("{e} | {e:?} | {:?}", e.entry());
    println!("{}", CameraError::ALL.len());
    for v in ImageError::ALL {
        println!("{:?} = {}", v, v.code());
    }
    println!("{:?}", "InvalidOperation".parse::<CameraError>());
    println!("{:?}", CameraError::try_from(5u32));
}
