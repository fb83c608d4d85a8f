import { Image } from '@tarojs/components'

interface Props {
  src: string
  /** What the picture shows, for screen readers. */
  alt: string
  className?: string
  /** Fill the box and crop (photos), or show it whole (QR codes). */
  crop?: boolean
}

/**
 * An image with a text alternative. On H5 a plain <img alt> (Taro's Image puts
 * aria-label on a div and leaves the inner <img> without alt); WeChat's Image
 * in the mini-program.
 */
export function Picture({ src, alt, className = '', crop }: Props) {
  if (process.env.TARO_ENV === 'h5') {
    return <img className={className} src={src} alt={alt} style={crop ? { objectFit: 'cover' } : undefined} />
  }
  return <Image className={className} src={src} mode={crop ? 'aspectFill' : 'scaleToFill'} ariaLabel={alt} />
}
